// The live view at /ui/ (web/ui_pages.py): services, incidents and patterns from /api/v1,
// refreshed every 10 s while the tab is visible.
//
// No build step and no library. Everything the API returns (service names, log lines,
// templates, reasons) is hostile input: it reaches the page only as text nodes and attribute
// values set through the DOM, never parsed as markup. The page's Content-Security-Policy
// refuses inline scripts and styles, so charts are SVG elements with presentation attributes
// and classes from app.css.
"use strict";

(() => {
  const TOKEN_KEY = "log-analysis.ui.token";
  const RANGE_KEY = "log-analysis.ui.range";
  const REFRESH_MS = 10000;
  const RANGES = { "15m": 900, "1h": 3600, "6h": 21600, "24h": 86400, "7d": 604800 };
  const DEFAULT_RANGE = "1h";
  const PAGE_SIZE = 500; // the API's largest page
  const MAX_BUCKETS = 2000; // the most buckets the series endpoint answers with
  const OPEN_INCIDENT_LOOKBACK_MS = 30 * 86400 * 1000; // the API allows at most 31 days
  const SVG_NS = "http://www.w3.org/2000/svg";
  const SEVERITIES = ["low", "medium", "high", "critical"];
  const LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

  // ---------------------------------------------------------------- DOM, text only

  function appendAll(parent, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
  }

  function setAttrs(el, attrs) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      el.setAttribute(name, value === true ? "" : String(value));
    }
    return el;
  }

  function h(tag, attrs, ...children) {
    return appendAll(setAttrs(document.createElement(tag), attrs), children);
  }

  function svg(tag, attrs, ...children) {
    return appendAll(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
  }

  // A link to one of the page's routes; every part is URL-encoded into the fragment.
  function routeLink(parts, attrs, ...children) {
    const href = "#/" + parts.map((part) => encodeURIComponent(part)).join("/");
    return h("a", Object.assign({ href }, attrs), ...children);
  }

  function oneOf(value, allowed, fallback) {
    return allowed.includes(value) ? value : fallback;
  }

  function severityBadge(severity) {
    const known = oneOf(severity, SEVERITIES, "unknown");
    return h("span", { class: `badge sev-${known}` }, String(severity || "unknown"));
  }

  function levelBadge(level) {
    if (!level) return null;
    const known = oneOf(String(level).toUpperCase(), LEVELS, "OTHER").toLowerCase();
    return h("span", { class: `badge level-${known}` }, String(level));
  }

  // <details> that stay open across refreshes: their keys are remembered here.
  const openDetails = new Set();

  function details(key, summary, ...content) {
    const el = h("details", { open: openDetails.has(key) }, h("summary", null, summary), ...content);
    el.addEventListener("toggle", () => {
      if (el.open) openDetails.add(key);
      else openDetails.delete(key);
    });
    return el;
  }

  // ---------------------------------------------------------------- formatting

  const numberFormat = new Intl.NumberFormat();

  function fmtCount(n) {
    return typeof n === "number" && Number.isFinite(n) ? numberFormat.format(n) : "—";
  }

  function fmtNumber(n) {
    if (typeof n !== "number" || !Number.isFinite(n)) return "—";
    if (Math.abs(n) >= 100) return numberFormat.format(Math.round(n));
    return numberFormat.format(Math.round(n * 100) / 100);
  }

  function fmtPercent(p) {
    if (typeof p !== "number" || !Number.isFinite(p)) return "—";
    return `${p < 10 ? p.toFixed(2) : p.toFixed(1)} %`;
  }

  function toMs(value) {
    if (typeof value === "number") return value;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }

  function fmtTime(value, withSeconds) {
    const ms = toMs(value);
    if (ms === null) return "—";
    const options = { hour: "2-digit", minute: "2-digit" };
    if (withSeconds) options.second = "2-digit";
    return new Date(ms).toLocaleTimeString([], options);
  }

  function fmtDateTime(value) {
    const ms = toMs(value);
    if (ms === null) return "—";
    return new Date(ms).toLocaleString([], {
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
  }

  // Time labels for a range: the time of day for short ranges, with the date for long ones.
  function fmtAxis(ms, range) {
    return RANGES[range] >= 86400 ? fmtDateTime(ms) : fmtTime(ms);
  }

  // A bucket's width: "5 min", "2 h", "1 d".
  function fmtSpan(ms) {
    const seconds = Math.round(ms / 1000);
    for (const [unit, size] of [["d", 86400], ["h", 3600], ["min", 60]]) {
      if (seconds >= size && seconds % size === 0) return `${seconds / size} ${unit}`;
    }
    return `${seconds} s`;
  }

  function kindLabel(kind) {
    return String(kind || "").replace(/_/g, " ");
  }

  function isoTime(ms) {
    return new Date(ms).toISOString();
  }

  // ---------------------------------------------------------------- token

  const auth = {
    get() {
      try {
        return sessionStorage.getItem(TOKEN_KEY);
      } catch (_err) {
        return null;
      }
    },
    set(token) {
      try {
        sessionStorage.setItem(TOKEN_KEY, token);
      } catch (_err) {
        memoryToken = token;
      }
    },
    clear() {
      memoryToken = null;
      try {
        sessionStorage.removeItem(TOKEN_KEY);
      } catch (_err) {
        // nothing stored
      }
    },
  };
  // Where the token lives when sessionStorage is refused (a private mode, a policy).
  let memoryToken = null;

  function currentToken() {
    return auth.get() || memoryToken;
  }

  // The token's `exp` in ms, read without verifying (the service verifies); null if unknown.
  function tokenExpiry(token) {
    const parts = token.split(".");
    if (parts.length !== 3) return null;
    try {
      const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
      const claims = JSON.parse(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)));
      return typeof claims.exp === "number" ? claims.exp * 1000 : null;
    } catch (_err) {
      return null;
    }
  }

  class AuthProblem extends Error {
    constructor(reason, detail) {
      super(detail || reason);
      this.reason = reason; // "missing" | "rejected" | "expired"
      this.detail = detail || "";
    }
  }

  class ApiError extends Error {
    constructor(status, message, problems) {
      super(message);
      this.status = status;
      this.problems = Array.isArray(problems) ? problems : [];
    }
  }

  // ---------------------------------------------------------------- API

  async function api(path, params) {
    const token = currentToken();
    if (!token) throw new AuthProblem("missing");
    const expiry = tokenExpiry(token);
    if (expiry !== null && expiry <= Date.now()) {
      throw new AuthProblem("expired", `it expired at ${fmtDateTime(expiry)}`);
    }
    const url = new URL(path, window.location.origin);
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") {
        url.searchParams.set(name, String(value));
      }
    }
    let response;
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
        cache: "no-store",
        credentials: "same-origin",
      });
    } catch (err) {
      throw new ApiError(0, `the service did not answer (${err.message})`);
    }
    let body = null;
    try {
      body = await response.json();
    } catch (_err) {
      body = null;
    }
    const message =
      body && typeof body.message === "string" ? body.message : response.statusText || "error";
    if (response.status === 401) {
      throw new AuthProblem(/expired/i.test(message) ? "expired" : "rejected", message);
    }
    if (!response.ok || !body || typeof body !== "object") {
      throw new ApiError(response.status, message, body && body.details);
    }
    return body.data;
  }

  // A service's lines, errors and anomalies over the range, in buckets the service chooses
  // (whole windows each, at most 120 over the range); only the buckets holding a window.
  function serviceSeries(service, range) {
    return api(`/api/v1/services/${encodeURIComponent(service)}/series`, { range });
  }

  async function openIncidents() {
    const now = Date.now();
    const page = await api("/api/v1/anomalies", {
      status: "open",
      start_time: isoTime(now - OPEN_INCIDENT_LOOKBACK_MS),
      page_size: PAGE_SIZE,
    });
    return page.items;
  }

  async function serviceNames() {
    const page = await api("/api/v1/services", { page_size: PAGE_SIZE });
    return page.items.map((row) => row.service_name);
  }

  // ---------------------------------------------------------------- charts

  // One bucket per bar over the series' whole range, those without a window kept as gaps.
  // Buckets are aligned on the Unix epoch, as the service aligns them.
  function bucketize(series) {
    const bucketMs = Math.max(1, Number(series.bucket_seconds) || 60) * 1000;
    const rangeStart = toMs(series.start_time) ?? Date.now() - bucketMs;
    const rangeEnd = toMs(series.end_time) ?? rangeStart + bucketMs;
    const first = Math.floor(rangeStart / bucketMs) * bucketMs;
    const count = Math.min(MAX_BUCKETS, Math.max(1, Math.ceil((rangeEnd - first) / bucketMs)));
    const buckets = [];
    for (let i = 0; i < count; i += 1) {
      buckets.push({
        start: first + i * bucketMs,
        end: first + (i + 1) * bucketMs,
        volume: 0,
        errors: 0,
        kinds: new Set(),
        open: false,
      });
    }
    for (const item of series.items || []) {
      const start = toMs(item.bucket_start);
      if (start === null) continue;
      const index = Math.floor((start - first) / bucketMs);
      if (index < 0 || index >= count) continue;
      const bucket = buckets[index];
      bucket.volume += Number(item.volume) || 0;
      bucket.errors += Number(item.errors) || 0;
      for (const kind of item.anomaly_kinds || []) bucket.kinds.add(String(kind));
      if (item.open === true) bucket.open = true;
    }
    return { buckets, bucketMs, start: first };
  }

  function bucketTitle(bucket, line, range) {
    const parts = [`${fmtAxis(bucket.start, range)}–${fmtTime(bucket.end)}`, line];
    if (bucket.kinds.size) parts.push(`anomalous: ${[...bucket.kinds].map(kindLabel).join(", ")}`);
    if (bucket.open) parts.push("window still open");
    return parts.join("\n");
  }

  // A chart of one value per bucket: bars or a line, anomalous buckets shaded.
  function chart(grouped, options) {
    const width = 600;
    const height = 100;
    const { buckets } = grouped;
    const values = buckets.map(options.value);
    const max = Math.max(options.floor, ...values.filter((v) => v !== null));
    const step = width / buckets.length;
    const y = (v) => height - (v / max) * (height - 2);
    const plot = svg("svg", {
      class: `chart chart-${options.kind}`,
      viewBox: `0 0 ${width} ${height}`,
      preserveAspectRatio: "none",
      role: "img",
      "aria-label": options.label,
    });
    buckets.forEach((bucket, i) => {
      if (bucket.kinds.size) {
        plot.appendChild(
          svg("rect", { class: "band-anomaly", x: i * step, y: 0, width: step, height }),
        );
      }
    });
    if (options.kind === "bars") {
      buckets.forEach((bucket, i) => {
        const v = values[i];
        if (!v) return;
        const cls = bucket.kinds.size ? "bar bar-anomaly" : bucket.open ? "bar bar-open" : "bar";
        plot.appendChild(
          svg("rect", {
            class: cls,
            x: i * step + step * 0.1,
            y: y(v),
            width: step * 0.8,
            height: height - y(v),
          }),
        );
      });
    } else {
      let d = "";
      let pen = "M";
      buckets.forEach((_bucket, i) => {
        const v = values[i];
        if (v === null) {
          pen = "M";
          return;
        }
        d += `${pen}${(i + 0.5) * step},${y(v)} `;
        pen = "L";
      });
      if (d) plot.appendChild(svg("path", { class: "line", d, "vector-effect": "non-scaling-stroke" }));
    }
    plot.appendChild(
      svg("line", { class: "axis", x1: 0, y1: height, x2: width, y2: height, "vector-effect": "non-scaling-stroke" }),
    );
    // Transparent columns on top, one per bucket, so each has its tooltip.
    buckets.forEach((bucket, i) => {
      const v = values[i];
      plot.appendChild(
        svg(
          "rect",
          { class: "hit", x: i * step, y: 0, width: step, height },
          svg("title", null, bucketTitle(bucket, v === null ? "no lines" : options.describe(bucket), options.range)),
        ),
      );
    });
    return h(
      "figure",
      { class: "chart-box" },
      h("figcaption", null, h("span", null, options.label), h("span", { class: "muted" }, `max ${options.format(max)}`)),
      plot,
      h(
        "div",
        { class: "chart-axis muted" },
        h("span", null, fmtAxis(grouped.start, options.range)),
        h("span", null, `${fmtSpan(grouped.bucketMs)} buckets`),
        h("span", null, "now"),
      ),
    );
  }

  function volumeChart(grouped, range) {
    return chart(grouped, {
      kind: "bars",
      label: "Lines",
      range,
      floor: 1,
      value: (b) => b.volume,
      format: fmtCount,
      describe: (b) => `${fmtCount(b.volume)} lines, ${fmtCount(b.errors)} errors`,
    });
  }

  function errorRateChart(grouped, range) {
    return chart(grouped, {
      kind: "line",
      label: "Error rate",
      range,
      floor: 1,
      value: (b) => (b.volume ? (100 * b.errors) / b.volume : null),
      format: fmtPercent,
      describe: (b) => `${fmtPercent((100 * b.errors) / b.volume)} errors (${fmtCount(b.errors)} of ${fmtCount(b.volume)})`,
    });
  }

  function sparkline(values, isNew) {
    const width = 120;
    const height = 28;
    const data = Array.isArray(values) && values.length ? values.map((v) => Number(v) || 0) : [0];
    const max = Math.max(1, ...data);
    const step = data.length > 1 ? width / (data.length - 1) : width;
    const points = data
      .map((v, i) => `${data.length > 1 ? i * step : width / 2},${height - 1 - (v / max) * (height - 2)}`)
      .join(" ");
    return svg(
      "svg",
      {
        class: isNew ? "spark spark-new" : "spark",
        viewBox: `0 0 ${width} ${height}`,
        preserveAspectRatio: "none",
        role: "img",
        "aria-label": `trend, peak ${fmtCount(max)} per bucket`,
      },
      svg("polyline", { points, "vector-effect": "non-scaling-stroke" }),
      svg("title", null, `per bucket: ${data.map(fmtCount).join(", ")}`),
    );
  }

  // Expected and actual as two horizontal bars on one scale.
  function expectedVsActual(expected, actual) {
    const known = [expected, actual].filter((v) => typeof v === "number" && Number.isFinite(v));
    if (!known.length) return h("p", { class: "muted" }, "No expected or actual value recorded.");
    const max = Math.max(...known.map(Math.abs), 1e-9);
    const row = (label, value, cls) =>
      h(
        "div",
        { class: "compare-row" },
        h("span", { class: "compare-label" }, label),
        svg(
          "svg",
          { class: "compare-bar", viewBox: "0 0 100 10", preserveAspectRatio: "none", "aria-hidden": "true" },
          svg("rect", { class: cls, x: 0, y: 0, height: 10, width: typeof value === "number" ? (Math.abs(value) / max) * 100 : 0 }),
        ),
        h("span", { class: "compare-value" }, fmtNumber(value)),
      );
    return h("div", { class: "compare" }, row("Expected", expected, "expected"), row("Actual", actual, "actual"));
  }

  // ---------------------------------------------------------------- views

  function emptyNote(text) {
    return h("p", { class: "empty" }, text);
  }

  function incidentLine(incident) {
    return h(
      "li",
      { class: "incident-line" },
      severityBadge(incident.severity),
      " ",
      routeLink(["incident", incident.incident_id], null, kindLabel(incident.kind)),
      h("span", { class: "muted" }, ` since ${fmtDateTime(incident.started_at)} · ${fmtCount(incident.windows)} window(s)`),
      incident.reason ? h("div", { class: "reason" }, incident.reason) : null,
    );
  }

  function serviceCard(service, series, incidents, range) {
    const name = service.service_name;
    const card = h("article", { class: incidents.length ? "card service has-incidents" : "card service" });
    card.appendChild(
      h(
        "header",
        { class: "card-head" },
        h("h2", null, name),
        incidents.length ? h("span", { class: "badge sev-high" }, `${incidents.length} open`) : h("span", { class: "badge ok" }, "no open incident"),
        routeLink(["patterns", name], { class: "small-link" }, "patterns →"),
      ),
    );
    if (series.error) {
      card.appendChild(h("p", { class: "error" }, `Series unavailable: ${series.error.message}`));
    } else {
      const items = series.items || [];
      const total = (field) => items.reduce((sum, item) => sum + (Number(item[field]) || 0), 0);
      const volume = total("volume");
      const errors = total("errors");
      const anomalous = total("anomalous_windows");
      card.appendChild(
        h(
          "dl",
          { class: "stats" },
          h("div", null, h("dt", null, "Lines"), h("dd", null, fmtCount(volume))),
          h("div", null, h("dt", null, "Errors"), h("dd", null, fmtCount(errors))),
          h("div", null, h("dt", null, "Error rate"), h("dd", null, fmtPercent(volume ? (100 * errors) / volume : 0))),
          h("div", null, h("dt", null, "Anomalous windows"), h("dd", { class: anomalous ? "alert" : null }, fmtCount(anomalous))),
        ),
      );
      const grouped = bucketize(series);
      card.appendChild(h("div", { class: "charts" }, volumeChart(grouped, range), errorRateChart(grouped, range)));
    }
    if (incidents.length) {
      card.appendChild(h("ul", { class: "incident-list" }, incidents.map(incidentLine)));
    }
    return card;
  }

  async function servicesView(route) {
    const range = state.range;
    const [services, incidents] = await Promise.all([
      api("/api/v1/services", { page_size: 100 }),
      openIncidents(),
    ]);
    const series = await Promise.all(
      services.items.map((service) =>
        serviceSeries(service.service_name, range).catch((err) => {
          if (err instanceof AuthProblem) throw err;
          return { error: err };
        }),
      ),
    );
    const byService = new Map();
    for (const incident of incidents) {
      if (!byService.has(incident.service_name)) byService.set(incident.service_name, []);
      byService.get(incident.service_name).push(incident);
    }
    const order = services.items
      .map((service, i) => ({ service, series: series[i], incidents: byService.get(service.service_name) || [] }))
      .sort((a, b) => Number(b.incidents.length > 0) - Number(a.incidents.length > 0));
    const view = h(
      "section",
      { class: "page" },
      h(
        "div",
        { class: "page-head" },
        h("h1", null, "Services"),
        h(
          "p",
          { class: "muted" },
          `${fmtCount(services.total)} service(s) · `,
          routeLink(["incidents", "open"], null, `${fmtCount(incidents.length)} open incident(s)`),
          " · shaded: windows flagged anomalous",
        ),
      ),
    );
    if (!order.length) {
      view.appendChild(emptyNote("No service has sent logs yet."));
      return view;
    }
    if (services.total > services.items.length) {
      view.appendChild(h("p", { class: "muted" }, `Showing the first ${services.items.length}.`));
    }
    view.appendChild(h("div", { class: "grid" }, order.map((o) => serviceCard(o.service, o.series, o.incidents, range))));
    return view;
  }

  const STATUS_FILTERS = ["open", "resolved", "all"];

  async function incidentsView(route) {
    const status = oneOf(route.args[0], STATUS_FILTERS, "open");
    const page = await api("/api/v1/anomalies", {
      range: state.range,
      status: status === "all" ? null : status,
      page_size: 100,
    });
    const filters = h(
      "nav",
      { class: "filters", "aria-label": "Incident status" },
      STATUS_FILTERS.map((name) =>
        routeLink(["incidents", name], { class: name === status ? "chip active" : "chip", "aria-current": name === status ? "page" : null }, name),
      ),
    );
    const list = page.items.map((incident) =>
      h(
        "li",
        { class: "card incident-row" },
        h(
          "div",
          { class: "row-head" },
          severityBadge(incident.severity),
          h("span", { class: `badge status-${incident.status === "open" ? "open" : "resolved"}` }, String(incident.status)),
          routeLink(["incident", incident.incident_id], { class: "row-title" }, `${incident.service_name}: ${kindLabel(incident.kind)}`),
        ),
        h(
          "p",
          { class: "muted" },
          `${fmtDateTime(incident.started_at)} → ${fmtDateTime(incident.last_window_end)} · ${fmtCount(incident.windows)} window(s) · peak score ${fmtNumber(incident.peak_score)}`,
        ),
        incident.reason ? h("p", { class: "reason" }, incident.reason) : null,
      ),
    );
    return h(
      "section",
      { class: "page" },
      h(
        "div",
        { class: "page-head" },
        h("h1", null, "Incidents"),
        h("p", { class: "muted" }, `${fmtCount(page.total)} overlapping the last ${state.range}`),
        filters,
      ),
      list.length ? h("ul", { class: "rows" }, list) : emptyNote("No incident in this range."),
      page.total > page.items.length ? h("p", { class: "muted" }, `Showing the newest ${page.items.length}.`) : null,
    );
  }

  function templateBlock(template, key) {
    const text = template.template || template.template_id || "";
    return h(
      "li",
      { class: "template-item" },
      h(
        "div",
        { class: "row-head" },
        levelBadge(template.level),
        h("span", { class: "count" }, `${fmtCount(template.count)} line(s)`),
      ),
      h("code", { class: "template" }, text),
      template.example ? details(key, "example", h("pre", { class: "example" }, template.example)) : null,
    );
  }

  function recommendationBlock(item) {
    if (typeof item === "string") return h("li", null, item);
    if (!item || typeof item !== "object") return null;
    const text = item.recommendation || item.text || item.advice || JSON.stringify(item);
    const templates = Array.isArray(item.templates) ? item.templates : [];
    return h(
      "li",
      { class: "recommendation" },
      item.category ? h("span", { class: "badge" }, kindLabel(item.category)) : null,
      " ",
      text,
      templates.length
        ? h("ul", { class: "cited" }, templates.map((t) => h("li", null, h("code", { class: "template" }, String(t)))))
        : null,
    );
  }

  async function incidentView(route) {
    const id = route.args[0] || "";
    let incident;
    try {
      incident = await api(`/api/v1/anomalies/${encodeURIComponent(id)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        return h("section", { class: "page" }, h("h1", null, "Incident"), emptyNote(`No incident ${id}.`), routeLink(["incidents", "open"], null, "← incidents"));
      }
      throw err;
    }
    const windows = [...(incident.anomalies || [])].sort((a, b) => (toMs(a.window_start) ?? 0) - (toMs(b.window_start) ?? 0));
    const maxScore = Math.max(1e-9, ...windows.map((w) => Number(w.score) || 0));
    const timeline = windows.map((w, i) =>
      h(
        "li",
        { class: "timeline-item" },
        h(
          "div",
          { class: "row-head" },
          h("span", { class: "when" }, `${fmtDateTime(w.window_start)}–${fmtTime(w.window_end)}`),
          severityBadge(w.severity),
          h("span", null, kindLabel(w.kind)),
          svg(
            "svg",
            { class: "score-bar", viewBox: "0 0 100 8", preserveAspectRatio: "none", role: "img", "aria-label": `score ${fmtNumber(w.score)}` },
            svg("rect", { x: 0, y: 0, height: 8, width: ((Number(w.score) || 0) / maxScore) * 100 }),
          ),
          h("span", { class: "muted" }, `score ${fmtNumber(w.score)} · expected ${fmtNumber(w.expected)}, actual ${fmtNumber(w.actual)}`),
        ),
        w.reason ? h("p", { class: "reason" }, w.reason) : null,
        (w.contributing_templates || []).length
          ? details(
              `window:${id}:${w.window_start}:${w.kind}:${i}`,
              `${w.contributing_templates.length} contributing template(s)`,
              h("ul", { class: "templates" }, w.contributing_templates.map((t, j) => templateBlock(t, `wt:${id}:${i}:${j}`))),
            )
          : null,
      ),
    );
    const contributing = incident.contributing_templates || [];
    const recommendations = (incident.recommendations || []).map(recommendationBlock).filter(Boolean);
    const revisions = (incident.revisions || []).map(revisionLine);
    return h(
      "section",
      { class: "page incident" },
      h(
        "div",
        { class: "page-head" },
        routeLink(["incidents", incident.status === "open" ? "open" : "all"], { class: "small-link" }, "← incidents"),
        h("h1", null, `${incident.service_name}: ${kindLabel(incident.kind)}`),
        h(
          "p",
          { class: "row-head" },
          severityBadge(incident.severity),
          h("span", { class: `badge status-${incident.status === "open" ? "open" : "resolved"}` }, String(incident.status)),
          h("span", { class: "muted" }, `${fmtDateTime(incident.started_at)} → ${incident.resolved_at ? fmtDateTime(incident.resolved_at) : "ongoing"} · ${fmtCount(incident.windows)} window(s) · peak score ${fmtNumber(incident.peak_score)}`),
        ),
        h("p", null, routeLink(["patterns", incident.service_name], { class: "small-link" }, `patterns of ${incident.service_name} →`)),
      ),
      h(
        "div",
        { class: "grid incident-grid" },
        h(
          "article",
          { class: "card" },
          h("h2", null, "What happened"),
          h("p", { class: "reason" }, incident.reason || "No explanation recorded."),
          h("h3", null, "Expected vs actual (strongest window)"),
          expectedVsActual(incident.expected, incident.actual),
        ),
        h(
          "article",
          { class: "card" },
          h("h2", null, "Recommendations"),
          recommendations.length ? h("ul", { class: "recommendations" }, recommendations) : emptyNote("None sent for this incident."),
        ),
      ),
      h(
        "article",
        { class: "card" },
        h("h2", null, "Contributing templates"),
        contributing.length
          ? h("ul", { class: "templates" }, contributing.map((t, j) => templateBlock(t, `ct:${id}:${j}`)))
          : emptyNote("No template stood out."),
      ),
      h(
        "article",
        { class: "card" },
        h("h2", null, `Revisions: ${revisions.length}`),
        revisions.length ? h("ol", { class: "revisions" }, revisions) : emptyNote("No revision recorded."),
      ),
      h(
        "article",
        { class: "card" },
        h("h2", null, `Timeline: ${windows.length} anomalous window(s)`),
        timeline.length ? h("ol", { class: "timeline" }, timeline) : emptyNote("No window recorded."),
      ),
    );
  }

  // One event applied to an incident: when, what changed, and whether it went out as an alert.
  function revisionLine(r, index) {
    const action = oneOf(r.action, ["opened", "updated", "resolved"], "updated");
    return h(
      "li",
      { class: `revision revision-${action}` },
      h(
        "div",
        { class: "row-head" },
        h("span", { class: "when" }, `${fmtDateTime(r.window_end)}`),
        h("span", { class: "badge" }, r.escalated ? `${action}, escalated` : action),
        severityBadge(r.severity),
        h("span", { class: "muted" }, `#${index + 1} · ${fmtCount(r.windows)} window(s) · peak score ${fmtNumber(r.peak_score)}`),
        r.alerted ? h("span", { class: "badge alerted" }, "alert sent") : null,
      ),
      r.reason ? h("p", { class: "reason" }, r.reason) : null,
    );
  }

  const patternFilters = { newOnly: false };

  async function patternsView(route) {
    const service = route.args[0];
    const names = await serviceNames();
    const picker = h("select", { id: "pattern-service", "aria-label": "Service" }, h("option", { value: "" }, "Choose a service…"));
    for (const name of names) picker.appendChild(h("option", { value: name, selected: name === service }, name));
    picker.addEventListener("change", () => {
      if (picker.value) window.location.hash = `#/patterns/${encodeURIComponent(picker.value)}`;
    });
    const head = h("div", { class: "page-head" }, h("h1", null, "Patterns"), h("label", { class: "inline" }, "Service ", picker));
    if (!service) {
      return h("section", { class: "page" }, head, names.length ? emptyNote("Choose a service to see its templates.") : emptyNote("No service has sent logs yet."));
    }
    const page = await api("/api/v1/patterns", { service_name: service, range: state.range, page_size: 200 });
    const items = page.items;
    const newCount = items.filter((p) => p.new).length;
    const toggle = h("input", { type: "checkbox", id: "new-only", checked: patternFilters.newOnly });
    const list = h("ul", { class: "rows patterns" });
    const fill = () => {
      list.replaceChildren(
        ...items
          .filter((p) => !patternFilters.newOnly || p.new)
          .map((p) =>
            h(
              "li",
              { class: p.new ? "card pattern is-new" : "card pattern" },
              h(
                "div",
                { class: "row-head" },
                p.new ? h("span", { class: "badge new" }, "new") : null,
                levelBadge(p.level),
                h("span", { class: "count" }, `${fmtCount(p.count)} line(s)`),
                sparkline(p.trend, p.new),
              ),
              h("code", { class: "template" }, p.template || p.template_id),
              h("p", { class: "muted" }, `first seen ${fmtDateTime(p.first_seen)} · last seen ${fmtDateTime(p.last_seen)}`),
              p.example ? details(`pe:${service}:${p.template_id}`, "example", h("pre", { class: "example" }, p.example)) : null,
            ),
          ),
      );
      if (!list.childElementCount) list.appendChild(h("li", { class: "empty" }, patternFilters.newOnly ? "No new template in this range." : "No template in this range."));
    };
    toggle.addEventListener("change", () => {
      patternFilters.newOnly = toggle.checked;
      fill();
    });
    fill();
    head.appendChild(
      h(
        "p",
        { class: "muted" },
        `${fmtCount(page.total)} template(s) in the last ${state.range}, ${fmtCount(newCount)} new · `,
        h("label", { class: "inline" }, toggle, " new only"),
      ),
    );
    return h(
      "section",
      { class: "page" },
      head,
      list,
      page.total > items.length ? h("p", { class: "muted" }, `Showing the ${items.length} most frequent.`) : null,
    );
  }

  // ---------------------------------------------------------------- routing and refresh

  const ROUTES = {
    services: servicesView,
    incidents: incidentsView,
    incident: incidentView,
    patterns: patternsView,
  };

  function parseRoute() {
    const raw = window.location.hash.replace(/^#\/?/, "");
    const parts = raw.split("/").filter((part) => part !== "").map((part) => {
      try {
        return decodeURIComponent(part);
      } catch (_err) {
        return part;
      }
    });
    const name = Object.hasOwn(ROUTES, parts[0]) ? parts[0] : "services";
    return { name, args: parts.slice(1), key: `${name}/${parts.slice(1).join("/")}` };
  }

  const el = {};
  const state = {
    range: DEFAULT_RANGE,
    generation: 0,
    timer: null,
    shown: null, // the key of the route whose data is on screen
    authProblem: null,
  };

  function setStatus(kind, text) {
    el.status.className = `status status-${kind}`;
    el.status.textContent = text;
  }

  const AUTH_MESSAGES = {
    missing: "Enter a bearer token to see the live view.",
    rejected: "The service refused this token",
    expired: "The token has expired",
    change: "Enter another token.",
  };

  function askForToken(reason, detail) {
    state.authProblem = reason;
    state.generation += 1; // results still on their way are for the old token
    clearTimeout(state.timer);
    let message = AUTH_MESSAGES[reason] || AUTH_MESSAGES.missing;
    if (detail && reason !== "missing" && reason !== "change") message += ` (${detail})`;
    if (reason === "rejected" || reason === "expired") message += ": enter a new one.";
    el.authMessage.textContent = message;
    el.authMessage.className = reason === "missing" || reason === "change" ? "auth-message" : "auth-message error";
    el.auth.hidden = false;
    el.view.hidden = reason !== "change";
    el.changeToken.hidden = true;
    el.forget.hidden = !currentToken();
    el.cancel.hidden = reason !== "change" || !currentToken();
    setStatus(reason === "missing" || reason === "change" ? "paused" : "error", reason === "missing" ? "No token" : reason === "change" ? "Paused" : `Token ${reason}`);
    el.tokenInput.focus();
  }

  function acceptToken(token) {
    auth.set(token);
    state.authProblem = null;
    state.shown = null;
    el.auth.hidden = true;
    el.view.hidden = false;
    el.changeToken.hidden = false;
    refresh();
  }

  function markTab(route) {
    for (const link of document.querySelectorAll(".tabs a")) {
      const tab = link.getAttribute("data-tab");
      const active = tab === route.name || (tab === "incidents" && route.name === "incident");
      if (active) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  function schedule() {
    clearTimeout(state.timer);
    if (document.hidden || state.authProblem) return;
    state.timer = setTimeout(refresh, REFRESH_MS);
  }

  async function refresh() {
    clearTimeout(state.timer);
    if (state.authProblem) return;
    if (!currentToken()) {
      askForToken("missing");
      return;
    }
    const generation = ++state.generation;
    const route = parseRoute();
    markTab(route);
    const changed = state.shown !== route.key;
    if (changed) {
      el.view.replaceChildren(h("p", { class: "loading" }, "Loading…"));
    }
    setStatus("loading", "Updating…");
    try {
      const content = await ROUTES[route.name](route);
      if (generation !== state.generation) return;
      el.view.replaceChildren(content);
      if (changed) window.scrollTo(0, 0);
      state.shown = route.key;
      const expiry = tokenExpiry(currentToken() || "");
      const until = expiry === null ? "" : ` · token valid until ${fmtTime(expiry)}`;
      setStatus("ok", `Live · updated ${fmtTime(Date.now(), true)}${until}`);
    } catch (err) {
      if (generation !== state.generation) return;
      if (err instanceof AuthProblem) {
        askForToken(err.reason, err.detail);
        return;
      }
      const problems = err instanceof ApiError ? err.problems.map((p) => `${p.field}: ${p.reason}`) : [];
      const text = `${err.message}${problems.length ? ` (${problems.join("; ")})` : ""}`;
      setStatus("error", `Could not refresh: ${text}. Retrying every 10 s.`);
      if (changed) {
        state.shown = null;
        el.view.replaceChildren(h("section", { class: "page" }, h("p", { class: "error" }, `Could not load this view: ${text}`)));
      }
    } finally {
      if (generation === state.generation) schedule();
    }
  }

  function start() {
    el.view = document.getElementById("view");
    el.status = document.getElementById("status");
    el.auth = document.getElementById("auth");
    el.authMessage = document.getElementById("auth-message");
    el.tokenInput = document.getElementById("token-input");
    el.forget = document.getElementById("forget-token");
    el.changeToken = document.getElementById("change-token");
    el.cancel = document.getElementById("cancel-token");
    const rangeSelect = document.getElementById("range");

    let saved = null;
    try {
      saved = sessionStorage.getItem(RANGE_KEY);
    } catch (_err) {
      saved = null;
    }
    state.range = Object.hasOwn(RANGES, saved) ? saved : DEFAULT_RANGE;
    rangeSelect.value = state.range;
    rangeSelect.addEventListener("change", () => {
      state.range = oneOf(rangeSelect.value, Object.keys(RANGES), DEFAULT_RANGE);
      try {
        sessionStorage.setItem(RANGE_KEY, state.range);
      } catch (_err) {
        // kept for this page only
      }
      state.shown = null;
      refresh();
    });

    document.getElementById("token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const token = el.tokenInput.value.trim().replace(/^Bearer\s+/i, "");
      el.tokenInput.value = "";
      if (!token) {
        el.authMessage.textContent = "The token is empty.";
        return;
      }
      acceptToken(token);
    });
    el.forget.addEventListener("click", () => {
      auth.clear();
      state.shown = null;
      el.view.replaceChildren();
      askForToken("missing");
    });
    el.changeToken.addEventListener("click", () => askForToken("change"));
    el.cancel.addEventListener("click", () => {
      const token = currentToken();
      if (token) acceptToken(token);
    });
    document.getElementById("refresh").addEventListener("click", () => refresh());

    window.addEventListener("hashchange", () => refresh());
    document.addEventListener("visibilitychange", () => {
      if (document.hidden) {
        clearTimeout(state.timer);
        if (!state.authProblem) setStatus("paused", "Paused while the tab is hidden");
      } else if (!state.authProblem) {
        refresh();
      }
    });

    if (currentToken()) {
      el.changeToken.hidden = false;
      refresh();
    } else {
      askForToken("missing");
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
