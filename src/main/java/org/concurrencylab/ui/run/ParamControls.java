package org.concurrencylab.ui.run;

import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.concurrencylab.core.run.Param;

/// The control of each kind of parameter, made from its [ParamField]: a text field for a number
/// (what is typed stays as typed; a value that cannot run is marked `:invalid` and says why in its
/// tooltip), a text area for URLs, a check box for a switch, a choice box for choices, and a spinner
/// for a count in the toolbar. Each control's id is `param-` and the parameter's id.
///
/// Thread-safety: FX thread only.
public final class ParamControls {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private ParamControls() {}

    /// The control for `field`.
    public static Control of(ParamField field) {
        Control control = switch (field.param()) {
            case Param.Flag f -> checkBox(field);
            case Param.Choice<?> c -> choiceBox(field, c);
            case Param.Urls u -> urls(field);
            case Param.Whole<?> w -> number(field);
        };
        control.setId(id(field.param()));
        return control;
    }

    /// The id of `param`'s control.
    public static String id(Param<?> param) {
        return "param-" + param.id();
    }

    static TextField number(ParamField field) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(field.text());
        text.setPrefColumnCount(9);
        marked(text, field);
        return text;
    }

    private static TextArea urls(ParamField field) {
        TextArea area = new TextArea();
        area.textProperty().bindBidirectional(field.text());
        area.setPromptText("Leave empty to use the embedded demo sites. One URL per line, e.g. https://example.org/");
        area.setPrefRowCount(3);
        area.setWrapText(false);
        marked(area, field);
        return area;
    }

    private static CheckBox checkBox(ParamField field) {
        CheckBox box = new CheckBox();
        box.textProperty().bind(field.labelProperty());
        box.selectedProperty().bindBidirectional(field.flag());
        box.setTooltip(new Tooltip(field.param().help()));
        box.setWrapText(true); // a long label wraps in the side panel instead of being cut
        return box;
    }

    private static <E> ChoiceBox<Object> choiceBox(ParamField field, Param.Choice<E> choice) {
        ChoiceBox<Object> box = new ChoiceBox<>();
        box.getItems().setAll(choice.choices());
        box.setConverter(new StringConverter<>() {
            @Override public String toString(Object e) { return e == null ? "" : choice.titleOf(choice.cast(e)); }
            @Override public Object fromString(String text) {
                return choice.choices().stream().filter(e -> choice.titleOf(e).equals(text)).findFirst()
                        .map(Object.class::cast).orElseGet(() -> choice.parse(text, choice.id()));
            }
        });
        box.valueProperty().bindBidirectional(field.choice());
        box.setTooltip(new Tooltip(field.param().help()));
        return box;
    }

    /// A spinner over a count's text: its arrows step the number within the range; what is typed
    /// stays as typed.
    static Spinner<String> spinner(ParamField field) {
        Spinner<String> spinner = new Spinner<>(new TextSteps(field));
        spinner.setEditable(true);
        // what is typed is checked as it is typed, not only once Enter commits it
        spinner.getEditor().textProperty().bindBidirectional(field.text());
        spinner.setId(id(field.param()));
        marked(spinner, field);
        return spinner;
    }

    private static void marked(Control control, ParamField field) {
        Tooltip help = new Tooltip(field.param().help());
        Runnable mark = () -> {
            boolean bad = !field.errorProperty().get().isEmpty();
            control.pseudoClassStateChanged(INVALID, bad);
            help.setText(bad ? field.errorProperty().get() : field.param().help());
        };
        field.errorProperty().addListener((obs, a, b) -> mark.run());
        mark.run();
        control.setTooltip(help);
    }

    /// Steps a count typed as text, within the range its parameter has for the run the form describes.
    private static final class TextSteps extends SpinnerValueFactory<String> {
        private final ParamField field;

        TextSteps(ParamField field) {
            this.field = field;
            setConverter(new StringConverter<>() {
                @Override public String toString(String s) { return s == null ? "" : s; }
                @Override public String fromString(String s) { return s; }
            });
            valueProperty().bindBidirectional(field.text());
        }

        @Override
        public void increment(int steps) {
            step(steps);
        }

        @Override
        public void decrement(int steps) {
            step(-steps);
        }

        private void step(int by) {
            if (!(field.param() instanceof Param.Whole<?> w)) return;
            Param.Range r = w.range(field.context());
            long now = w.isNumber(field.text().get()) ? Long.parseLong(field.text().get().strip()) : r.min();
            field.text().set(Long.toString(Math.clamp(now + by, r.min(), r.max())));
        }
    }
}
