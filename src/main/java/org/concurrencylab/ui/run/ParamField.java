package org.concurrencylab.ui.run;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.concurrencylab.core.run.Param;

import java.util.function.Consumer;
import java.util.function.Supplier;

/// One parameter's field in the form, standing for the setting of the workload and model chosen:
/// its text as typed (numbers and URLs), or its switch or choice; its label ("Pages"), whether it
/// applies now, and why what it holds cannot run (empty when it can).
///
/// Thread-safety: one thread, with its [RunFormViewModel].
public final class ParamField {
    private final Param<?> param;
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty flag = new SimpleBooleanProperty();
    private final ObjectProperty<Object> choice = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper applies = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private String key;

    private final Supplier<Param.Context> context;

    ParamField(Param<?> param, Supplier<Param.Context> context, Consumer<ParamField> onChange) {
        this.param = param;
        this.context = context;
        text.addListener((obs, a, b) -> onChange.accept(this));
        flag.addListener((obs, a, b) -> onChange.accept(this));
        choice.addListener((obs, a, b) -> onChange.accept(this));
    }

    public Param<?> param() { return param; }

    /// The workload and model the field stands for now, with the form's defaults for the rest.
    public Param.Context context() { return context.get(); }

    /// The text typed, for a number or the URLs.
    public StringProperty text() { return text; }

    /// The switch, for an on/off parameter.
    public BooleanProperty flag() { return flag; }

    /// The choice made, for a parameter with choices.
    public ObjectProperty<Object> choice() { return choice; }

    /// The field's label for the workload and model chosen ("Pages", "Processes").
    public ReadOnlyStringProperty labelProperty() { return label.getReadOnlyProperty(); }

    /// Whether the parameter means something for the run the form describes.
    public ReadOnlyBooleanProperty appliesProperty() { return applies.getReadOnlyProperty(); }

    public boolean applies() { return applies.get(); }

    /// Why what the field holds cannot run ("Pages: enter a whole number from 1 to 1,000,000"), or empty.
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /// The setting the field stands for now, or null (a model with one worker).
    String key() { return key; }

    /// What the field holds, as stored: its text, or its value.
    Object entry() {
        return switch (param) {
            case Param.Flag f -> flag.get();
            case Param.Choice<?> c -> choice.get();
            default -> text.get();
        };
    }

    /// The value typed; throws an [IllegalArgumentException] when it is not one (not yet the range).
    Object value() {
        return switch (param) {
            case Param.Flag f -> flag.get();
            case Param.Choice<?> c -> c.cast(choice.get());
            default -> param.parse(text.get(), label.get());
        };
    }

    void show(String newLabel, String newKey, Object stored) {
        label.set(newLabel);
        key = newKey;
        switch (param) {
            case Param.Flag f -> flag.set((Boolean) stored);
            case Param.Choice<?> c -> choice.set(stored);
            default -> text.set((String) stored);
        }
    }

    void setApplies(boolean now) { applies.set(now); }

    void setError(String text) { error.set(text); }
}
