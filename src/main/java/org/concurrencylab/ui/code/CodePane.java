package org.concurrencylab.ui.code;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concurrencylab.core.model.ModelKind;
import org.concurrencylab.core.run.RunSpec;
import org.concurrencylab.core.run.WorkloadKind;
import org.concurrencylab.core.workload.Step;
import org.concurrencylab.teach.CodeLibrary;
import org.concurrencylab.teach.SyntaxTokens;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/// The code behind the selected model and workload: on the left the Java that actually runs,
/// cut from the lab's own sources between markers; on the right a short Python program that does
/// the same. Both read-only, highlighted, and copyable. The code areas are made, and the code
/// highlighted, when the pane first joins a scene (or its text is asked): a window whose Code
/// tab is not open does not pay for them at start-up.
///
/// Thread-safety: FX thread only.
public final class CodePane extends BorderPane {
    /// What the pane shows: the code it shows depends on these alone.
    private record Shown(ModelKind model, WorkloadKind workload, boolean gil, Step.CounterMode mode) {}

    private Shown shown;
    /// Whether [#shown] is what the code areas hold.
    private boolean drawn;
    private final Label heading = new Label();
    private final Label javaFiles = new Label();
    private final Label pythonNote = new Label();
    private CodeArea java;
    private CodeArea python;

    public CodePane() {
        getStyleClass().add("code-pane");
        getStylesheets().add(Objects.requireNonNull(CodePane.class.getResource("/org/concurrencylab/ui/teach.css")).toExternalForm());
        heading.getStyleClass().addAll("title-4", "code-heading");
        heading.setId("code-heading");
        javaFiles.setId("code-java-files");
        javaFiles.getStyleClass().add("code-caption");
        javaFiles.setWrapText(true);
        pythonNote.setId("code-python-note");
        pythonNote.getStyleClass().add("code-caption");
        pythonNote.setWrapText(true);

        BorderPane.setMargin(heading, new Insets(8, 10, 4, 10));
        setTop(heading);
        showFx(RunSpec.defaults(WorkloadKind.DOWNLOAD, ModelKind.THREADS));
        sceneProperty().addListener((obs, a, scene) -> {
            if (scene != null) drawFx();
        });
    }

    /// Makes the code areas if they are not made yet, and puts the code shown into them.
    private void drawFx() {
        if (java == null) {
            java = codeArea("code-java");
            python = codeArea("code-python");
            VBox javaSide = side("Java: the code that runs", "code-copy-java", java, javaFiles);
            VBox pythonSide = side("Python: the same idea", "code-copy-python", python, pythonNote);
            SplitPane split = new SplitPane(javaSide, pythonSide);
            split.setOrientation(Orientation.HORIZONTAL);
            split.setDividerPositions(0.56);
            setCenter(split);
        }
        if (drawn) return;
        drawn = true;
        Shown s = shown;
        try {
            List<CodeLibrary.Snippet> snippets = CodeLibrary.java(s.model(), s.workload(), s.gil(), s.mode());
            StringBuilder text = new StringBuilder();
            for (CodeLibrary.Snippet snippet : snippets) {
                if (!text.isEmpty()) text.append('\n');
                text.append("// ── ").append(snippet.marker().title()).append(" · ").append(snippet.marker().fileName()).append('\n');
                text.append(snippet.code());
            }
            setCode(java, text.toString(), SyntaxTokens.Language.JAVA);
            javaFiles.setText("From " + snippets.stream().map(snippet -> snippet.marker().fileName()).distinct()
                    .collect(Collectors.joining(", ")) + ", between the // code: and // end: markers.");
        } catch (RuntimeException e) {
            setCode(java, "// " + e.getMessage() + "\n", SyntaxTokens.Language.JAVA);
            javaFiles.setText("The source could not be shown.");
        }
        try {
            CodeLibrary.PythonProgram program = CodeLibrary.python(s.model(), s.workload(), s.gil());
            setCode(python, program.code(), SyntaxTokens.Language.PYTHON);
            pythonNote.setText(CodeLibrary.pythonName(s.model(), s.workload()) + ". " + program.note());
        } catch (RuntimeException e) {
            setCode(python, "# " + e.getMessage() + "\n", SyntaxTokens.Language.PYTHON);
            pythonNote.setText("The Python program could not be shown.");
        }
    }

    /// Shows the code of `spec`'s model, workload, GIL and counter mode.
    public void showFx(RunSpec spec) {
        showFx(spec.model(), spec.workload(), spec.gil(), spec.counterMode());
    }

    /// Shows the code of `model` running `workload`; `gil` and `mode` pick the GIL's and the
    /// counter's code where they apply.
    public void showFx(ModelKind model, WorkloadKind workload, boolean gil, Step.CounterMode mode) {
        boolean underGil = gil && model.supportsGil();
        Shown next = new Shown(model, workload, underGil, mode);
        // a run's end shows the code of what the form showed already: highlighting it again would
        // hold the window up for tens of milliseconds just as the result comes in
        if (next.equals(shown)) return;
        shown = next;
        drawn = false;
        heading.setText(workload.title() + " · " + model.title() + (underGil ? ", GIL on" : ""));
        if (getScene() != null) drawFx();
    }

    /// The Java text shown.
    public String javaText() {
        drawFx();
        return java.getText();
    }

    /// The Python text shown.
    public String pythonText() {
        drawFx();
        return python.getText();
    }

    /// The style classes of the Java text at `position` (for tests of the highlighting).
    Collection<String> javaStyleAt(int position) {
        drawFx();
        return java.getStyleAtPosition(position);
    }

    private VBox side(String title, String copyId, CodeArea area, Label caption) {
        Label label = new Label(title);
        label.getStyleClass().add("code-side-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = new Button("Copy", new FontIcon("mdi2c-content-copy"));
        copy.setId(copyId);
        copy.getStyleClass().addAll("small", "flat");
        copy.setTooltip(new Tooltip("Copy this code to the clipboard"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(area.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox bar = new HBox(6, label, spacer, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(4, bar, caption, scroll);
        box.setPadding(new Insets(4, 8, 8, 8));
        box.getStyleClass().add("code-side");
        return box;
    }

    private static CodeArea codeArea(String id) {
        CodeArea area = new CodeArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("lab-code");
        return area;
    }

    private static void setCode(CodeArea area, String text, SyntaxTokens.Language language) {
        area.replaceText(text);
        if (!text.isEmpty()) area.setStyleSpans(0, highlight(text, language));
        area.moveTo(0);
        area.requestFollowCaret();
    }

    /// The style spans of `text`: the highlighter's tokens, plain text between them.
    static StyleSpans<Collection<String>> highlight(String text, SyntaxTokens.Language language) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        for (SyntaxTokens.Token t : SyntaxTokens.tokens(text, language)) {
            spans.add(Collections.emptyList(), t.start() - last);
            spans.add(Collections.singleton(t.style()), t.end() - t.start());
            last = t.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
