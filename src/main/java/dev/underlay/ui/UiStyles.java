package dev.underlay.ui;

import java.util.Collection;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Style class names and pseudo-classes of app.css, as constants so code and stylesheet stay in step. */
public final class UiStyles {
    public static final String APP_ROOT = "underlay";
    public static final String NAV = "nav";
    public static final String NAV_BUTTON = "nav-button";
    public static final String STATUS_BAR = "status-bar";
    public static final String FIELD_ERROR = "field-error";
    public static final String FORM = "machine-form";
    public static final String FORM_TITLE = "form-title";
    public static final String SECTION = "section-title";
    public static final String QUERY_ERROR = "query-error";
    public static final String STATUS_CELL = "status-cell";
    public static final String MUTED = "muted";
    public static final String PLAN_TEXT = "plan-text";
    public static final String TOOL_BAR = "main-tool-bar";
    public static final String RUN_STATE_CELL = "run-state-cell";
    public static final String OUTPUT_LIST = "output-list";
    public static final String OUTPUT_LINE = "output-line";
    public static final String KEY_STATUS_CELL = "key-status-cell";
    public static final String FINGERPRINT = "fingerprint";
    public static final String SUMMARY = "run-summary";
    public static final String LAB_STATUS = "lab-status";
    /** Marks an output line that came from stderr. */
    public static final PseudoClass STDERR = PseudoClass.getPseudoClass("stderr");

    /** Marks a control whose value was refused. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** Marks a background-busy indicator. */
    public static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");

    private UiStyles() {
    }

    /** The pseudo-class for a state id such as {@code in-use}: {@code :status-in-use}. */
    public static PseudoClass status(String id) {
        return PseudoClass.getPseudoClass("status-" + id);
    }

    /** Sets exactly one of {@code all} on the node (or none when {@code on} is null). */
    public static void switchPseudoClass(Node node, Collection<PseudoClass> all, PseudoClass on) {
        for (PseudoClass p : all) {
            node.pseudoClassStateChanged(p, p.equals(on));
        }
    }
}
