package org.concurrencylab.ui.racelab;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concurrencylab.core.trace.State;
import org.concurrencylab.diagram.Palette;
import org.concurrencylab.racelab.Instruction;
import org.concurrencylab.racelab.Line;
import org.concurrencylab.racelab.Program;
import org.concurrencylab.racelab.Register;
import org.concurrencylab.racelab.Session;
import org.concurrencylab.racelab.ThreadState;
import org.concurrencylab.racelab.ThreadStatus;

import java.util.List;

/// One thread of the race lab: its name and state in the diagram's colour, its program line by
/// line with each line's steps (the one it takes next marked ▶, the ones taken greyed), its
/// registers, and its Step button.
///
/// Thread-safety: FX thread only.
final class ThreadCard {
    private ThreadCard() {}

    static VBox of(Session session, int thread, boolean justRan, Palette palette, boolean bytecode, String language,
                   Runnable step) {
        ThreadState t = session.state().thread(thread);
        Program program = session.machine().threads().get(thread).program();
        State colour = t.status() == ThreadStatus.LOCK_WAIT ? State.LOCK_WAIT
                : t.done() ? null : justRan ? State.WORK : session.canStep(thread) ? State.READY : null;

        Region chip = new Region();
        chip.setMinSize(16, 16);
        chip.setPrefSize(16, 16);
        chip.setStyle(colour == null ? "-fx-border-color: -color-border-default;"
                : RaceLabPane.fill(palette, colour));
        Label name = new Label((thread + 1) + "  " + t.name());
        name.getStyleClass().add("race-thread-name");
        Label state = new Label(stateText(session, thread, t, justRan));
        state.getStyleClass().add("race-thread-state");
        state.setWrapText(true);
        HBox head = new HBox(8, chip, name);
        head.setAlignment(Pos.CENTER_LEFT);

        VBox lines = new VBox(1);
        List<Instruction> steps = program.instructions();
        for (int li = 0; li < program.lines().size(); li++) {
            Line line = program.lines().get(li);
            Label source = new Label(line.text());
            source.getStyleClass().add("race-source");
            lines.getChildren().add(source);
            for (int si = 0; si < steps.size(); si++) {
                Instruction in = steps.get(si);
                if (in.line() != li) continue;
                String detail = bytecode ? "   " + String.join("; ", "python".equals(language) ? in.python() : in.jvm()) : "";
                // a step sits under its line, indented a little further
                String indent = line.text().substring(0, line.text().length() - line.text().stripLeading().length());
                Label s = new Label((si == t.pc() && !t.done() ? "▶ " : "  ") + indent + "  " + in.text() + detail);
                s.getStyleClass().add("race-step");
                if (si < t.pc()) s.getStyleClass().add("race-step-done");
                if (si == t.pc() && !t.done()) s.getStyleClass().add("race-step-next");
                lines.getChildren().add(s);
            }
        }
        StringBuilder regs = new StringBuilder();
        for (Register r : t.registers()) {
            if (!regs.isEmpty()) regs.append("   ");
            regs.append(r.name()).append(" = ").append(r.value());
        }
        Label registers = new Label(regs.isEmpty() ? "no registers yet" : regs.toString());
        registers.getStyleClass().add("race-registers");

        Button button = new Button("Step (" + (thread + 1) + ")");
        button.setId("race-step-" + (thread + 1));
        button.setDisable(!session.canStep(thread));
        session.whyNot(thread).ifPresent(why -> button.setTooltip(new Tooltip(why)));
        button.setOnAction(e -> step.run());
        button.setMaxWidth(Double.MAX_VALUE);

        VBox card = new VBox(6, head, state, lines, registers, button);
        card.getStyleClass().add("race-thread");
        card.setPadding(new Insets(8));
        card.setMinWidth(200);
        HBox.setHgrow(card, Priority.ALWAYS);
        // a click anywhere on the card steps its thread (the button's own click is the button's)
        card.setOnMouseClicked(e -> {
            if (e.getClickCount() == 1 && !button.isHover() && session.canStep(thread)) step.run();
        });
        return card;
    }

    private static String stateText(Session session, int thread, ThreadState t, boolean justRan) {
        if (t.done()) return "done";
        if (t.status() == ThreadStatus.LOCK_WAIT) return "waits for lock " + t.waitsFor();
        if (!session.canStep(thread)) return session.whyNot(thread).orElse("cannot step now");
        return justRan ? "took the last step" : "can take the next step";
    }
}
