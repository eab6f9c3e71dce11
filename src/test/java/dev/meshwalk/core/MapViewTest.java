package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceGraphReader;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** The map pane's focus as pure state: the node list, its selection, and what enter and esc leave behind. */
class MapViewTest {

    private static MapView withChapter3Map() throws Exception {
        try (InputStream in = MapViewTest.class.getResourceAsStream("/graph-fixtures/xray-graph-c.json")) {
            ServiceGraph g = new ServiceGraphReader().read(in);
            return MapView.initial().withGraph(g);
        }
    }

    @Test
    void theListIsTheWholeMapThenTheServicesByNameWithoutClientNodes() throws Exception {
        MapView m = withChapter3Map();
        assertThat(m.pickerRows()).containsExactly(MapView.WHOLE_MAP, "color", "color-v2", "front",
                "howto-basics/howto-basics-color-node", "howto-basics/howto-basics-color-v2-node",
                "howto-basics/howto-basics-front-node");
        assertThat(MapView.initial().pickerRows()).as("before the first answer").containsExactly(MapView.WHOLE_MAP);
    }

    @Test
    void theSelectionStaysOnTheListAndEnterFocusesItsNodeFromTheMapsCorner() throws Exception {
        MapView m = withChapter3Map().pan(8, 4).openPicker();
        assertThat(m.picking()).isTrue();
        assertThat(m.picker()).isZero();
        assertThat(m.movePicker(-3).picker()).isZero();
        assertThat(m.movePicker(100).picker()).isEqualTo(6);
        MapView focused = m.movePicker(3).choose();
        assertThat(focused.focus()).isEqualTo("front");
        assertThat(focused.picking()).isFalse();
        assertThat(focused.panX()).isZero();
        assertThat(focused.panY()).isZero();
        assertThat(focused.openPicker().picker()).as("the list opens on the focused node").isEqualTo(3);
    }

    @Test
    void theFirstRowOrEscOnTheFocusedMapGivesTheWholeMapAndEscOnTheListKeepsTheFocus() throws Exception {
        MapView focused = withChapter3Map().openPicker().movePicker(1).choose();
        assertThat(focused.focus()).isEqualTo("color");
        assertThat(focused.openPicker().closePicker().focus()).isEqualTo("color");
        assertThat(focused.openPicker().movePicker(-10).choose().focus()).isNull();
        assertThat(focused.clearFocus().focus()).isNull();
    }
}
