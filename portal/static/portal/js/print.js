// The print button of a page's "Share or print" links: shown only where scripts run.
document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
