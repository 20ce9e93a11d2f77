// The start page's "Trending" panel and the "Notify me" action on any search.
//
// Trending: this week's rising actors and places (`/trends/{dimension}`, 7 days against the 28
// before), each with a sparkline of its daily articles and a link to its search. It shows while
// the page has no search (app.js announces each state with a `newsfacet:state` event).
// Notify me: saves the search on screen as an alert (`POST /alerts`). Alerts belong to a caller:
// this browser sends its own key (x-api-key), made once and kept in localStorage.

const $ = (selector, root = document) => root.querySelector(selector);
const TRENDING = [
  { key: "actor", title: "People & organisations" },
  { key: "location", title: "Places" },
];
const SEARCH_KEYS = ["q", "from", "to", "actor", "location", "topic", "source", "language"];
const KEY_STORAGE = "newsfacet-api-key";

function callerKey() {
  let key = localStorage.getItem(KEY_STORAGE);
  if (!key) {
    key = crypto.randomUUID();
    localStorage.setItem(KEY_STORAGE, key);
  }
  return key;
}

/** A sparkline of daily counts, as an SVG polyline scaled to the busiest day. */
function sparkline(series) {
  const width = 120;
  const height = 24;
  const highest = Math.max(1, ...series.map((point) => point.count));
  const step = series.length > 1 ? width / (series.length - 1) : width;
  const points = series
    .map((point, index) => `${(index * step).toFixed(1)},${(height - (height * point.count) / highest).toFixed(1)}`)
    .join(" ");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "sparkline");
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  line.setAttribute("points", points);
  svg.append(line);
  return svg;
}

function trendItem(key, trend) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = `/?${new URLSearchParams({ [key]: trend.value })}`;
  link.className = "trend";
  const name = document.createElement("span");
  name.className = "trend-value";
  name.textContent = trend.value;
  const counts = document.createElement("span");
  counts.className = "trend-counts";
  counts.textContent = `${trend.window_count} this week`;
  counts.title = `${trend.window_count} articles in the last 7 days, ${trend.baseline_count} in the 28 before`;
  link.append(name, sparkline(trend.series), counts);
  item.append(link);
  return item;
}

let loaded = false;

async function showTrending() {
  const panel = $("#trending");
  if (loaded) return;
  loaded = true;
  const lists = await Promise.all(
    TRENDING.map(async ({ key, title }) => {
      const response = await fetch(`/trends/${key}?${new URLSearchParams({ window: "7d", baseline: "28d", size: "5" })}`);
      if (!response.ok) return null;
      const body = await response.json();
      if (!body.trends.length) return null;
      const section = document.createElement("section");
      section.dataset.dimension = key;
      const heading = document.createElement("h3");
      heading.textContent = title;
      const list = document.createElement("ol");
      list.replaceChildren(...body.trends.map((trend) => trendItem(key, trend)));
      section.append(heading, list);
      return section;
    }),
  );
  const sections = lists.filter(Boolean);
  $("#trending-lists").replaceChildren(...sections);
  panel.hidden = !sections.length;
}

function onState(search) {
  const params = new URLSearchParams(search);
  const searching = SEARCH_KEYS.some((key) => params.has(key));
  const reading = params.has("article"); // an article open in the reader (app.js)
  $("#notify").hidden = !searching || reading;
  $("#notify-status").textContent = "";
  if (searching || reading) $("#trending").hidden = true;
  else showTrending().catch(() => ($("#trending").hidden = true));
}

async function notifyMe() {
  const params = new URLSearchParams(location.search);
  const body = {};
  for (const key of SEARCH_KEYS) {
    const values = params.getAll(key);
    if (!values.length) continue;
    body[key] = ["q", "from", "to"].includes(key) ? values[0] : values;
  }
  for (const [key, value] of params) if (key.endsWith("_match")) body[key] = value;
  const status = $("#notify-status");
  const response = await fetch("/alerts", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "x-api-key": callerKey() },
    body: JSON.stringify(body),
  });
  const reply = await response.json().catch(() => null);
  status.textContent = response.ok
    ? `Saved. New articles matching this search will be sent to ${reply.target}.`
    : `Not saved: ${reply?.detail ?? `the API answered ${response.status}`}`;
}

$("#notify").addEventListener("click", () => notifyMe());
document.addEventListener("newsfacet:state", () => onState(location.search));
onState(location.search);
