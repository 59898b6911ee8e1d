package org.concurrencylab.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/// A pane made the first time it is asked for: the panes of tabs nobody has opened yet are not
/// made before the window's first frame (a comparison's pane alone took 70–80 ms of a fresh
/// window's start). What the pane shows must come from its view model when it is made, not from
/// changes it would have heard.
///
/// Thread-safety: FX thread only.
public final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> make;
    private T made;

    private Lazy(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    public static <T> Lazy<T> of(Supplier<? extends T> make) {
        return new Lazy<>(make);
    }

    /// The pane, made now if it was not yet.
    @Override
    public T get() {
        if (made == null) {
            made = Objects.requireNonNull(make.get(), "made");
            make = null;
        }
        return made;
    }

    /// Runs `action` on the pane if it has been made; a pane made later starts from what is then.
    public void ifMade(Consumer<? super T> action) {
        if (made != null) action.accept(made);
    }
}
