/* The remembered theme, applied before the first paint (no flash of the other one).
   Loaded without defer in <head>; a file, not inline, so the CSP forbids inline script. */
try {
  const t = localStorage.getItem("qari-theme");
  if (t === "light" || t === "dark") document.documentElement.dataset.theme = t;
} catch (e) {}
