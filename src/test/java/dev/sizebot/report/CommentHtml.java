package dev.sizebot.report;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** A comment rendered as GitHub renders markdown (CommonMark with GFM tables), for tests. */
final class CommentHtml {
  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).build();

  private CommentHtml() {}

  static String render(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }

  /** A whole page with GitHub-like styles, for the browser. */
  static String page(String markdown) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><style>"
        + "body{font-family:-apple-system,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif;"
        + "font-size:14px;line-height:1.5;color:#1f2328;background:#fff;margin:16px;max-width:880px}"
        + "table{border-collapse:collapse;margin:8px 0;display:block;width:max-content;max-width:100%;overflow:auto}th,td{border:1px solid #d1d9e0;padding:4px 10px}"
        + "tr:nth-child(2n){background:#f6f8fa}code{background:#eff1f3;padding:1px 4px;"
        + "border-radius:4px;font-size:85%}pre{background:#f6f8fa;padding:12px;overflow:auto}"
        + "h3{font-size:1.25em;border-bottom:1px solid #d1d9e0;padding-bottom:4px}"
        + "</style></head><body>"
        + render(markdown)
        + "</body></html>";
  }
}
