package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import dev.sizebot.image.testing.TestArchive;
import dev.sizebot.image.testing.TestCompression;
import dev.sizebot.image.testing.TestImage;
import dev.sizebot.image.testing.TestLayer;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Choosing one image out of archives that hold several refs or platforms. */
class SelectionTest {
  private static final TestLayer BASE = TestLayer.step("ADD base /").file("/base.txt", "base\n");
  private static final TestLayer SHARED = TestLayer.step("COPY lib /").file("/lib.so", "lib\n");

  private static TestImage one() {
    return TestImage.tagged("app:1").layer(BASE).layer(SHARED);
  }

  private static TestImage two() {
    return TestImage.tagged("app:2")
        .layer(BASE)
        .layer(TestLayer.step("RUN patch").file("/patch", "p\n"))
        .layer(SHARED);
  }

  private static ImageSource source(byte[] archive) {
    return ImageSource.stream("multi.tar", new ByteArrayInputStream(archive), ReadLimits.DEFAULT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"app:2", "docker.io/library/app:2", "index.docker.io/library/app:2"})
  void aRefPicksItsImageWhateverTheSpelling(String ref) {
    for (byte[] archive :
        List.of(
            TestArchive.dockerSaveLegacy(one(), two()).toBytes(),
            TestArchive.dockerSaveOci(one(), two()).toBytes(),
            TestArchive.ociLayout(one(), two()).toBytes())) {
      Image image = source(archive).read(ImageSelector.of(ref, "linux/amd64"));
      assertThat(image.layers()).hasSize(3);
      assertThat(image.layers().get(2).index().entries().get(0).path().value())
          .isEqualTo("/lib.so");
    }
  }

  @Test
  void severalImagesComeFromOnePassAndShareTheirCommonLayers() {
    // The shared layer sits on a different parent chain in app:2, so legacy docker save stores it
    // once and links the second path to the first.
    List<Image> images =
        source(TestArchive.dockerSaveLegacy(one(), two()).toBytes())
            .read(
                List.of(
                    ImageSelector.of("app:1", "linux/amd64"),
                    ImageSelector.of("app:2", "linux/amd64")));
    assertThat(images).extracting(Image::tags).containsExactly(List.of("app:1"), List.of("app:2"));
    assertThat(images.get(1).layers().get(2).index())
        .isSameAs(images.get(0).layers().get(1).index());
  }

  @Test
  void anImageIdPrefixPicksAnUntaggedImage() {
    TestImage untagged = TestImage.tagged("").layer(BASE);
    String id = TestArchive.imageId(untagged);
    Image image =
        source(TestArchive.dockerSaveLegacy(one(), untagged).toBytes())
            .read(ImageSelector.of(id.substring(0, 19), "linux/amd64"));
    assertThat(image.tags()).isEmpty();
    assertThat(image.configDigest().toString()).isEqualTo(id);
  }

  @Test
  void withoutARefSeveralImagesAreAnErrorListingThem() {
    assertThat(
            failure(
                TestArchive.dockerSaveLegacy(one(), two()).toBytes(),
                ImageSelector.only("linux/amd64")))
        .isEqualTo(
            "multi.tar holds 2 images (app:1, app:2): choose one by its reference, e.g. app:1");
    assertThat(
            failure(
                TestArchive.ociLayout(one(), two()).toBytes(), ImageSelector.only("linux/amd64")))
        .isEqualTo(
            "multi.tar holds several images (app:1, app:2): choose one by its reference, e.g."
                + " app:1");
  }

  @Test
  void severalImagesCarryTheFactAndARefForTheCommandLineToBuildItsHintFrom() {
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                source(TestArchive.dockerSaveLegacy(one(), two()).toBytes())
                    .read(ImageSelector.only("linux/amd64")));

    assertThat(e).isInstanceOf(SeveralImages.class);
    SeveralImages several = (SeveralImages) e;
    assertThat(several.source()).isEqualTo("multi.tar");
    assertThat(several.fact()).isEqualTo("multi.tar holds 2 images (app:1, app:2)");
    assertThat(several.exampleRef()).isEqualTo("app:1");
  }

  @Test
  void anAbsentRefIsAnErrorListingThePresentOnes() {
    assertThat(
            failure(
                TestArchive.dockerSaveOci(one(), two()).toBytes(),
                ImageSelector.of("app:3", "linux/amd64")))
        .isEqualTo("image 'app:3' is not in multi.tar (it holds: app:1, app:2)");
    assertThat(
            failure(
                TestArchive.dockerSaveLegacy(one()).toBytes(),
                ImageSelector.of("app", "linux/amd64")))
        .isEqualTo("image 'app' is not in multi.tar (it holds: app:1)");
  }

  @Test
  void aMultiPlatformIndexIsReadForTheRequestedPlatform() {
    TestImage amd = one().platform("linux/amd64");
    TestImage arm =
        TestImage.tagged("app:1")
            .platform("linux/arm64/v8")
            .layer(
                TestLayer.step("ADD base /")
                    .file("/base.txt", "arm base\n")
                    .compression(TestCompression.ZSTD));
    byte[] archive = TestArchive.ociLayout(amd, arm).toBytes();

    Image image = source(archive).read(ImageSelector.of("app:1", "linux/arm64"));
    assertThat(image.config().platform()).isEqualTo("linux/arm64/v8");
    assertThat(image.layers()).hasSize(1);
    assertThat(source(archive).read(ImageSelector.only("linux/amd64")).config().platform())
        .isEqualTo("linux/amd64");
    assertThat(failure(archive, ImageSelector.only("linux/s390x")))
        .isEqualTo(
            "multi.tar has no image for platform linux/s390x (it has: linux/amd64, linux/arm64/v8):"
                + " pass --platform");
  }

  @Test
  void aSinglePlatformImageIsReadWhateverPlatformIsAsked() {
    Image image =
        source(TestArchive.ociLayout(one().platform("linux/arm64")).toBytes())
            .read(ImageSelector.only("linux/amd64"));
    assertThat(image.config().platform()).isEqualTo("linux/arm64");
  }

  private static String failure(byte[] archive, ImageSelector selector) {
    SizebotException e =
        (SizebotException)
            org.assertj.core.api.Assertions.catchThrowable(() -> source(archive).read(selector));
    assertThat(e).isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    return e.getMessage();
  }
}
