package org.concurrencylab.ui.run;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.concurrencylab.compare.RunEstimate;

import java.util.Locale;
import java.util.Optional;

/// Asks before a large run starts, with what it will cost; Enter or Escape keeps it from
/// starting, "Run it" starts it.
///
/// Thread-safety: FX thread only.
public final class LargeRunDialog {
    /// The button that starts the run.
    public static final ButtonType RUN = new ButtonType("Run it", ButtonBar.ButtonData.OK_DONE);

    private LargeRunDialog() {}

    /// Shows the question over `owner` (or alone, if null) and waits for the answer.
    public static boolean confirm(Window owner, RunEstimate estimate) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", RUN, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("A large run");
        alert.setHeaderText(String.format(Locale.ROOT, "%,d tasks: %s.", estimate.tasks(), estimate.summary()));
        alert.setContentText(estimate.reason() + " The lab keeps working meanwhile, and Stop (Space or Escape) "
                + "ends the run at once. A size this large is not remembered for the next launch.");
        alert.getDialogPane().setId("large-run-dialog");
        ((Button) alert.getDialogPane().lookupButton(RUN)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == RUN;
    }
}
