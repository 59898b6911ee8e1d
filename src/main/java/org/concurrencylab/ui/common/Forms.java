package org.concurrencylab.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Supplier;

/// The building blocks the window's panes share: headers, paragraphs, gaps, icon buttons, tabs.
public final class Forms {
    private Forms() {}

    public static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("title-4", "section-header");
        return label;
    }

    public static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("paragraph");
        return label;
    }

    public static Label toolbarLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("toolbar-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /// A gap of `width` pixels in a bar.
    public static Region gap(double width) {
        Region gap = new Region();
        gap.setMinWidth(width);
        return gap;
    }

    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }

    /// A flat button showing only `icon`, saying `tip` on hover.
    public static Button iconButton(String id, String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("flat");
        return b;
    }

    /// A button with `text` and `icon`.
    public static Button button(String id, String text, String icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /// Shows `nodes` only while `condition` holds; hidden, they take no room.
    public static void showWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    public static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    /// A tab whose content is made and joins the scene when the tab is first selected: a tab
    /// pane keeps every tab's content in the scene, styled and laid out with the window, so the
    /// window's first frame would wait for the tabs nobody has opened yet. The first tab of a
    /// pane is selected as it is added, and gets its content at once.
    public static Tab deferredTab(String id, String title, Supplier<? extends Node> content) {
        Tab tab = new Tab(title);
        tab.setId(id);
        tab.selectedProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable selected) {
                if (!tab.isSelected()) return;
                tab.setContent(content.get());
                tab.selectedProperty().removeListener(this);
            }
        });
        return tab;
    }
}
