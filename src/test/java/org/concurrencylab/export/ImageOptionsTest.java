package org.concurrencylab.export;

import org.concurrencylab.core.run.RunResult;
import org.concurrencylab.diagram.Captions;
import org.concurrencylab.diagram.DiagramLayout;
import org.concurrencylab.diagram.DiagramStyle;
import org.concurrencylab.diagram.Palette;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Picture options: the size computed in one place, the palette from theme and scheme.
class ImageOptionsTest {
    private static final DiagramStyle TITLED = DiagramStyle.screen(Palette.articleLight()).withTitle("t", "c");

    @Test
    void auto_fits_the_lanes_of_a_file_and_takes_the_window_height_when_asked_for_it() {
        ImageOptions auto = ImageOptions.defaults();

        assertThat(auto.size(3, TITLED)).isEqualTo(new ImageOptions.Size(1600, DiagramLayout.fittingHeight(3, TITLED), 1));
        assertThat(auto.size(40, TITLED).height()).isGreaterThan(auto.size(3, TITLED).height());
        assertThat(auto.heightFor(777)).isEqualTo(777);
    }

    @Test
    void a_fixed_aspect_derives_the_height_from_the_width_whatever_the_lanes() {
        ImageOptions wide = ImageOptions.defaults().withAspect(ImageOptions.Aspect.WIDE);
        ImageOptions standard = ImageOptions.defaults().withWidth(1024).withAspect(ImageOptions.Aspect.STANDARD);

        assertThat(wide.size(3, TITLED)).isEqualTo(new ImageOptions.Size(1600, 900, 1));
        assertThat(wide.size(300, TITLED).height()).isEqualTo(900);
        assertThat(wide.heightFor(777)).isEqualTo(900);
        assertThat(standard.size(3, TITLED)).isEqualTo(new ImageOptions.Size(1024, 768, 1));
        assertThat(wide.withWidth(1000).heightFor(0)).isEqualTo(563);
    }

    @Test
    void a_given_height_wins_over_the_fitting_height_and_the_scale_multiplies_device_pixels() {
        ImageOptions options = ImageOptions.defaults().withWidth(800).withHeight(450).withScale(4);

        ImageOptions.Size size = options.size(3, TITLED);

        assertThat(size).isEqualTo(new ImageOptions.Size(800, 450, 4));
        assertThat(size.pixelWidth()).isEqualTo(3200);
        assertThat(size.pixelHeight()).isEqualTo(1800);
        assertThat(options.withAspect(ImageOptions.Aspect.STANDARD).size(3, TITLED).height()).as("the aspect drops the height").isEqualTo(600);
    }

    @Test
    void a_png_of_more_than_128_million_pixels_does_not_fit() {
        assertThat(new ImageOptions.Size(4000, 2000, 4).fitsPng()).isTrue();
        assertThat(new ImageOptions.Size(4096, 2304, 4).fitsPng()).isFalse();
        assertThat(new ImageOptions.Size(4096, 2304, 4).pixelCount()).isEqualTo(16384L * 9216);
    }

    @Test
    void theme_and_scheme_pick_one_of_the_four_palettes() {
        assertThat(ImageOptions.defaults().palette()).isEqualTo(Palette.articleLight());
        assertThat(ImageOptions.defaults().withColours(true, false).palette()).isEqualTo(Palette.articleDark());
        assertThat(ImageOptions.defaults().withColours(false, true).palette()).isEqualTo(Palette.colorBlindLight());
        assertThat(ImageOptions.defaults().withColours(true, true).palette()).isEqualTo(Palette.colorBlindDark());
    }

    @Test
    void inconsistent_options_are_refused_with_a_reason() {
        assertThatThrownBy(() -> new ImageOptions(1600, 900, ImageOptions.Aspect.WIDE, 1, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16:9");
        assertThatThrownBy(() -> ImageOptions.defaults().withScale(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1, 2 or 4");
        assertThatThrownBy(() -> ImageOptions.defaults().withWidth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageOptions.defaults().withHeight(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aspects_are_found_by_their_ids() {
        assertThat(ImageOptions.Aspect.byId("16:9")).hasValue(ImageOptions.Aspect.WIDE);
        assertThat(ImageOptions.Aspect.byId(" 4:3 ")).hasValue(ImageOptions.Aspect.STANDARD);
        assertThat(ImageOptions.Aspect.byId("AUTO")).hasValue(ImageOptions.Aspect.AUTO);
        assertThat(ImageOptions.Aspect.byId("5:4")).isEmpty();
        assertThat(ImageOptions.Aspect.ids()).isEqualTo("auto, 16:9, 4:3");
    }

    @Test
    void a_picture_of_a_run_shows_the_whole_run_with_its_title_and_caption_in_the_options_colours() {
        RunResult run = ExportFixtures.processPool();

        DiagramPicture picture = DiagramPicture.of(run, ImageOptions.defaults().withColours(true, true));

        assertThat(picture.startNanos()).isZero();
        assertThat(picture.endNanos()).isGreaterThan(run.wallNanos());
        assertThat(picture.style().title()).isEqualTo(Captions.title(run.spec()));
        assertThat(picture.style().caption()).isEqualTo(Captions.caption(run));
        assertThat(picture.style().showLegend()).isTrue();
        assertThat(picture.style().palette()).isEqualTo(Palette.colorBlindDark());
        assertThat(picture.model().lanes()).isEqualTo(run.lanes());
        assertThat(picture.size().height()).isEqualTo(DiagramLayout.fittingHeight(2, picture.style()));
    }
}
