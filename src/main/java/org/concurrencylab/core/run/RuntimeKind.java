package org.concurrencylab.core.run;

/// Which language runs a run's tasks: the lab's Java models, or the article's own Python
/// programs under a real CPython (the "twin" of the run, found by the engine through
/// [TwinModels]).
public enum RuntimeKind {
    JAVA("java", "Java"),
    PYTHON("python", "CPython");

    private final String id;
    private final String title;

    RuntimeKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /// The name on the command line and in files: `java`, `python`.
    public String id() {
        return id;
    }

    /// The name in the window and in captions: `Java`, `CPython`.
    public String title() {
        return title;
    }
}
