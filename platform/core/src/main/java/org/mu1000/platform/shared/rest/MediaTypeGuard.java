package org.mu1000.platform.shared.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A Content-Type that is empty or no media type at all makes the server fail before JAX-RS sees the request, with an
 * HTML page; this answers it as every other refusal is answered, 415 problem+json.
 */
@WebFilter(urlPatterns = "/api/*")
public class MediaTypeGuard extends HttpFilter {
  private static final Pattern MEDIA_TYPE = Pattern.compile("^\\s*[\\w.+!#$&^-]+/[\\w.+!#$&^-]+\\s*(;.*)?$");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String type = req.getHeader("Content-Type");
    if (type != null && !MEDIA_TYPE.matcher(type).matches()) {
      res.setStatus(415);
      res.setContentType("application/problem+json");
      res.setCharacterEncoding("UTF-8");
      res.getOutputStream().write(Problems.json(415, "Unsupported media type",
          "the Content-Type header is empty or not a media type; send application/json").getBytes(
              StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(req, res);
  }
}
