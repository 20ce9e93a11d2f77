// The article view and the story line of a hit: reading one article, its story's other versions
// and related stories, without leaving the page (the article's id is in the URL: `?article=ID`).
//
// Everything from the API is inserted as text. Entity chips filter the search when clicked.

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function element(tag, { className = "", text = "", attributes = {} } = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** A link within the page to an article's view (plain link: opens in a new tab too). */
export function articleLink(id, text) {
  const params = new URLSearchParams(location.search);
  params.set("article", id);
  return element("a", { text, attributes: { href: `?${params}`, "data-article": id } });
}

/** "Also in: A, B (+3 more)": a collapsed hit's other versions, each a link to its view. */
export function storyLine(hit) {
  const story = hit.story;
  if (!story || story.size < 2) return null;
  const line = element("p", { className: "story-line" });
  line.append(element("span", { className: "story-size", text: `${story.size} versions` }), " · also in ");
  story.others.forEach((other, index) => {
    if (index) line.append(", ");
    line.append(articleLink(other.id, other.source || other.title));
  });
  const hidden = story.size - 1 - story.others.length;
  if (hidden > 0) line.append(` and ${hidden} more`);
  return line;
}

function isWebUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url);
}

/** One row of a list of articles (versions or related): title link, source and date. */
function articleRow(item) {
  const row = element("li");
  row.append(articleLink(item.id, item.title || "(untitled)"));
  const meta = [item.source, item.published_at && day.format(new Date(item.published_at))].filter(Boolean);
  if (meta.length) row.append(element("span", { className: "row-meta", text: ` · ${meta.join(" · ")}` }));
  return row;
}

function section(title, items, empty) {
  const part = element("section", { className: "reader-part" });
  const heading = element("h2", { text: title });
  const list = element("ul", { className: "reader-list" });
  list.append(...items.map(articleRow));
  if (!items.length) list.append(element("li", { className: "none", text: empty }));
  part.append(heading, list);
  return part;
}

/**
 * Draw the article `id` into `container`: `getJson(path, params)` reads the API, `filterBy(key,
 * value)` leaves the view for a search filtered by an entity, `close()` goes back to the results.
 */
export async function renderArticle(container, id, { getJson, filterBy, close, shownValue }) {
  const article = await getJson(`/articles/${encodeURIComponent(id)}`, new URLSearchParams());
  const [story, related] = await Promise.all([
    getJson(`/stories/${encodeURIComponent(article.story)}`, new URLSearchParams({ size: "20" })),
    getJson(`/articles/${encodeURIComponent(id)}/related`, new URLSearchParams({ size: "5" })),
  ]);
  const back = element("button", { className: "link back", text: "← Back to results", attributes: { type: "button" } });
  back.addEventListener("click", close);
  const title = element("h1", { text: article.title, attributes: { tabindex: "-1", id: "reader-title" } });
  const facts = [
    article.source,
    article.authors?.length ? `By ${article.authors.join(", ")}` : "",
    article.published_at ? `Published ${dateTime.format(new Date(article.published_at))} UTC` : "",
    article.modified_at ? `Updated ${dateTime.format(new Date(article.modified_at))} UTC` : "",
    article.language ? shownValue("language", article.language) : "",
  ].filter(Boolean);
  const meta = element("p", { className: "reader-meta", text: facts.join(" · ") });
  const chips = element("ul", { className: "tags reader-entities", attributes: { "aria-label": "Filter the search by" } });
  const entities = [
    ...article.actors.map((actor) => ["actor", actor.name]),
    ...article.locations.map((place) => ["location", place.name]),
    ...article.topics.map((topic) => ["topic", topic.label]),
  ];
  for (const [key, value] of entities) {
    const item = element("li");
    const button = element("button", {
      className: `tag tag-${key}`,
      text: value,
      attributes: { type: "button", title: `Search articles with ${value}` },
    });
    button.addEventListener("click", () => filterBy(key, value));
    item.append(button);
    chips.append(item);
  }
  const body = element("div", { className: "reader-text" });
  body.append(...article.text.split(/\n\s*\n/).map((paragraph) => element("p", { text: paragraph })));
  const parts = [back, title, meta, chips];
  if (isWebUrl(article.url)) {
    const original = element("a", {
      className: "original",
      text: "Read the original",
      attributes: { href: article.url, rel: "noopener noreferrer" },
    });
    const line = element("p");
    line.append(original);
    parts.push(line);
  }
  const others = story.articles.filter((member) => member.id !== article.id);
  parts.push(
    body,
    section(`Other versions of this story (${story.size - 1})`, others, "No other outlet carried it."),
    section("Related stories", related.articles, "Nothing related yet."),
  );
  container.replaceChildren(...parts);
  title.focus();
}
