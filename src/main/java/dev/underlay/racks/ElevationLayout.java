package dev.underlay.racks;

/**
 * Places a site's racks and machines on a plane, in layout units (pixels at zoom 1). Pure: the canvas, the SVG
 * export and the tests all draw from the same geometry; another arrangement (racks wrapped by row, say) is another
 * implementation.
 */
public interface ElevationLayout {
    ElevationGeometry layout(SiteElevation elevation);
}
