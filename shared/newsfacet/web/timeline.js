// The timeline: matching articles per day, with dates on its axis, each day's count on hover and
// focus, and a click (one day) or a drag across days (a range) that filters the dates. Each day is a
// button, so the keyboard reaches it too.

const axisDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

function label(bucket) {
  const noun = bucket.count === 1 ? "article" : "articles";
  return `${axisDay.format(new Date(bucket.start))}: ${bucket.count} ${noun}`;
}

/** Draw `buckets` into `container`; `choose(from, to)` is called with the days picked. */
export function renderTimeline(container, buckets, choose) {
  if (buckets.length < 2) {
    container.replaceChildren();
    return;
  }
  const highest = Math.max(...buckets.map((bucket) => bucket.count));
  const bars = document.createElement("div");
  bars.className = "bars";
  let dragFrom = null;
  const buttons = buckets.map((bucket) => {
    const bar = document.createElement("button");
    bar.type = "button";
    bar.className = bucket.count ? "bar" : "bar empty";
    bar.dataset.day = bucket.start;
    bar.title = label(bucket);
    bar.setAttribute("aria-label", `${label(bucket)}; show only this day`);
    const fill = document.createElement("span");
    fill.style.height = `${Math.max(4, (100 * bucket.count) / highest)}%`;
    bar.append(fill);
    bar.addEventListener("pointerdown", (event) => {
      dragFrom = bucket.start;
      event.preventDefault(); // no text selection while dragging
    });
    bar.addEventListener("pointerenter", () => {
      if (dragFrom) highlight(buttons, dragFrom, bucket.start);
    });
    bar.addEventListener("pointerup", () => {
      if (!dragFrom) return;
      const [from, to] = [dragFrom, bucket.start].sort();
      dragFrom = null;
      choose(from, to);
    });
    bar.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose(bucket.start, bucket.start);
      }
    });
    return bar;
  });
  bars.append(...buttons);
  bars.addEventListener("pointerleave", () => {
    dragFrom = null;
    highlight(buttons, null, null);
  });
  const axis = document.createElement("div");
  axis.className = "axis";
  axis.setAttribute("aria-hidden", "true");
  const marks = [buckets[0], buckets[Math.floor((buckets.length - 1) / 2)], buckets[buckets.length - 1]];
  axis.append(
    ...marks.map((bucket) => {
      const mark = document.createElement("span");
      mark.textContent = axisDay.format(new Date(bucket.start));
      return mark;
    }),
  );
  container.replaceChildren(bars, axis);
}

function highlight(buttons, from, to) {
  const [low, high] = [from, to].sort();
  for (const button of buttons) {
    button.classList.toggle("picked", Boolean(from) && button.dataset.day >= low && button.dataset.day <= high);
  }
}
