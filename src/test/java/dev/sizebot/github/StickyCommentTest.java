package dev.sizebot.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sizebot.github.GitHubStub.api;
import static dev.sizebot.github.GitHubStub.fixture;
import static dev.sizebot.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StickyCommentTest {
  @RegisterExtension static WireMockExtension wm = GitHubStub.extension();

  static final String MARKER = "<!-- sizebot:v1 image=api platform=linux/amd64 -->";
  static final String PAGE_1 = "/repos/octo/app/issues/7/comments?per_page=100";
  static final String PAGE_2 = "/repositories/1296269/issues/7/comments?per_page=100&page=2";

  @BeforeEach
  void repository() {
    GitHubStub.repoAndPull(wm, "");
  }

  private void twoPages() {
    String api = api(wm, "");
    wm.stubFor(
        get(urlEqualTo(PAGE_1))
            .willReturn(
                json(200, fixture("comments-page1.json", api))
                    .withHeader(
                        "Link",
                        "<"
                            + api
                            + PAGE_2
                            + ">; rel=\"next\", <"
                            + api
                            + PAGE_2
                            + ">; rel=\"last\"")));
    wm.stubFor(
        get(urlEqualTo(PAGE_2))
            .willReturn(
                json(200, fixture("comments-page2.json", api))
                    .withHeader(
                        "Link",
                        "<"
                            + api
                            + PAGE_1
                            + "&page=1>; rel=\"prev\", <"
                            + api
                            + PAGE_1
                            + "&page=1>; rel=\"first\"")));
  }

  @Test
  void theFirstRunPostsOneCommentLedByTheMarker() {
    wm.stubFor(
        get(urlEqualTo(PAGE_1)).willReturn(json(200, fixture("comments-none.json", api(wm, "")))));
    wm.stubFor(
        post(urlPathEqualTo("/repos/octo/app/issues/7/comments"))
            .willReturn(json(201, fixture("comment-created.json", api(wm, "")))));

    CommentResult result =
        GitHubStub.session(wm)
            .stickyComment(7)
            .publish(
                new CommentBody(MARKER, "### 🐳 api — 🟢 −12 MB (−3.1 %)\n"), CommentMode.UPDATE);

    assertThat(result)
        .isEqualTo(
            new CommentResult(
                CommentResult.Outcome.CREATED,
                Optional.of("https://github.com/octo/app/pull/7#issuecomment-3000")));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/repos/octo/app/issues/7/comments"))
            .withHeader("Authorization", equalTo("token " + GitHubStub.TOKEN.value()))
            .withRequestBody(
                equalToJson(
                    "{\"body\": \"" + MARKER + "\\n### 🐳 api — 🟢 −12 MB (−3.1 %)\\n\"}")));
  }

  @Test
  void anExistingCommentOnPageTwoIsUpdatedInPlace() {
    twoPages();
    wm.stubFor(
        patch(urlEqualTo("/repos/octo/app/issues/comments/2001"))
            .willReturn(json(200, fixture("comment-created.json", api(wm, "")))));

    CommentResult result =
        GitHubStub.session(wm)
            .stickyComment(7)
            .publish(new CommentBody(MARKER, MARKER + "\nnew body"), CommentMode.UPDATE);

    assertThat(result.outcome()).isEqualTo(CommentResult.Outcome.UPDATED);
    assertThat(result.url()).contains("https://github.com/octo/app/pull/7#issuecomment-2001");
    wm.verify(1, getRequestedFor(PAGE_2));
    wm.verify(
        1,
        patchRequestedFor(urlEqualTo("/repos/octo/app/issues/comments/2001"))
            .withRequestBody(equalToJson("{\"body\": \"" + MARKER + "\\nnew body\"}")));
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void anUnchangedBodyWritesNothing() {
    twoPages();

    CommentResult result =
        GitHubStub.session(wm)
            .stickyComment(7)
            .publish(
                new CommentBody(MARKER, "### 🐳 api — 🔴 +805 MB (+374 %)\nold body"),
                CommentMode.UPDATE);

    assertThat(result.outcome()).isEqualTo(CommentResult.Outcome.UNCHANGED);
    wm.verify(0, patchRequestedFor(anyUrl()));
    wm.verify(0, postRequestedFor(anyUrl()));
    wm.verify(0, deleteRequestedFor(anyUrl()));
  }

  @Test
  void recreateDeletesTheOldCommentAndPostsANewOne() {
    twoPages();
    wm.stubFor(
        delete(urlEqualTo("/repos/octo/app/issues/comments/2001"))
            .willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        post(urlPathEqualTo("/repos/octo/app/issues/7/comments"))
            .willReturn(json(201, fixture("comment-created.json", api(wm, "")))));

    CommentResult result =
        GitHubStub.session(wm)
            .stickyComment(7)
            .publish(new CommentBody(MARKER, "fresh"), CommentMode.RECREATE);

    assertThat(result.outcome()).isEqualTo(CommentResult.Outcome.RECREATED);
    wm.verify(1, deleteRequestedFor(urlEqualTo("/repos/octo/app/issues/comments/2001")));
    wm.verify(1, deleteRequestedFor(anyUrl()));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/repos/octo/app/issues/7/comments"))
            .withRequestBody(equalToJson("{\"body\": \"" + MARKER + "\\nfresh\"}")));
  }

  @Test
  void modeOffSendsNoRequestAtAll() {
    CommentResult result =
        GitHubStub.session(wm)
            .stickyComment(7)
            .publish(new CommentBody(MARKER, "x"), CommentMode.OFF);

    assertThat(result.outcome()).isEqualTo(CommentResult.Outcome.SKIPPED);
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder getRequestedFor(
      String url) {
    return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(url));
  }
}
