// What tests/e2e/test_responsive.py measures on a page, with the failures it finds:
// sideways scrolling of the page, header controls outside the viewport, targets under
// 24 x 24 px not spaced as WCAG 2.2 (2.5.8) allows, rendered timeline label sizes.
(checkTargets) => {
  const problems = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`page is ${document.documentElement.scrollWidth} px wide`);
  }
  for (const control of document.querySelectorAll(".site-header a, .site-header button, .site-header input")) {
    const box = control.getBoundingClientRect();
    if (box.width === 0 || box.left < 0 || box.right > width) {
      const name = control.textContent.trim() || control.name;
      problems.push(`header control "${name}" is not within the viewport`);
    }
  }
  const targets = [...document.querySelectorAll("main a[href], main button, main input, main select")]
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => ({ element, box: element.getBoundingClientRect() }));
  const small = targets.filter(({ box }) => box.width < 24 || box.height < 24);
  const centre = (box) => [box.left + box.width / 2, box.top + box.height / 2];
  const circleMeetsBox = ([x, y], box) => {
    const dx = Math.max(box.left - x, 0, x - box.right);
    const dy = Math.max(box.top - y, 0, y - box.bottom);
    return dx * dx + dy * dy < 144;
  };
  if (checkTargets) {
    for (const target of small) {
      const c = centre(target.box);
      // WCAG 2.2, 2.5.8 spacing exception: a 24 px circle on the target's centre meets no
      // other target, nor the circle of another undersized one.
      const crowded = targets.some((other) => other !== target && circleMeetsBox(c, other.box)) ||
        small.some((other) => {
          if (other === target) return false;
          const [x, y] = centre(other.box);
          return Math.hypot(x - c[0], y - c[1]) < 24;
        });
      if (crowded) {
        const element = target.element;
        const label = (element.textContent || element.getAttribute("aria-label") || element.tagName)
          .trim().slice(0, 40);
        const size = `${target.box.width.toFixed(1)} × ${target.box.height.toFixed(1)} px`;
        problems.push(`target "${label}" is ${size} and crowded`);
      }
    }
  }
  const labels = [];
  for (const svg of document.querySelectorAll(".timeline-chart svg")) {
    if (svg.getClientRects().length === 0) continue;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll("text")) {
      labels.push(parseFloat(getComputedStyle(text).fontSize) * scale);
    }
  }
  return { problems, labels, targets: targets.length };
}
