package dev.underlay.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** The icons the console uses (Ikonli Material Design 2), named by meaning so a swap happens in one place. */
public enum Icons {
    MACHINES(MaterialDesignS.SERVER),
    RACKS(MaterialDesignS.SERVER_NETWORK),
    TOPOLOGY(MaterialDesignG.GRAPH_OUTLINE),
    PROFILES(MaterialDesignT.TUNE),
    CLUSTERS(MaterialDesignH.HEXAGON_MULTIPLE),
    SEARCH(MaterialDesignM.MAGNIFY),
    ADD(MaterialDesignP.PLUS),
    DELETE(MaterialDesignD.DELETE_OUTLINE),
    SAVE(MaterialDesignC.CONTENT_SAVE_OUTLINE),
    REVERT(MaterialDesignU.UNDO),
    IMPORT(MaterialDesignI.IMPORT),
    EXPORT(MaterialDesignE.EXPORT),
    DARK(MaterialDesignW.WEATHER_NIGHT),
    LIGHT(MaterialDesignW.WHITE_BALANCE_SUNNY),
    DATA_FOLDER(MaterialDesignD.DATABASE),
    TAGS(MaterialDesignT.TAG_MULTIPLE),
    ERROR(MaterialDesignA.ALERT_CIRCLE_OUTLINE),
    RUN(MaterialDesignC.CONSOLE_LINE),
    HOST_KEYS(MaterialDesignK.KEY_CHAIN_VARIANT),
    LAB(MaterialDesignF.FLASK_OUTLINE),
    SITES(MaterialDesignM.MAP_MARKER_OUTLINE),
    CREDENTIALS(MaterialDesignK.KEY_VARIANT),
    PARAMS(MaterialDesignC.CODE_BRACES);

    private final Ikon ikon;

    Icons(Ikon ikon) {
        this.ikon = ikon;
    }

    /** A new icon node (nodes cannot be shared between parents). */
    public FontIcon node() {
        return new FontIcon(ikon);
    }
}
