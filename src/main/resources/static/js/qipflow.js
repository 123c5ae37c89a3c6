// Progressive enhancement: GOV.UK Frontend components only start when the browser supports them.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// A form or download link marked data-qf-busy="Uploading and checking the file" shows that message with
// a spinner once used, as uploads, PDFs and analyses can take a few seconds; screen readers announce it.
function busy(message, tag) {
  const status = document.createElement(tag);
  status.className = 'qf-busy-message';
  status.setAttribute('role', 'status');
  const spinner = document.createElement('span');
  spinner.className = 'qf-spinner';
  spinner.setAttribute('aria-hidden', 'true');
  status.append(spinner, message + '…');
  return status;
}
document.querySelectorAll('form[data-qf-busy]').forEach((form) => {
  form.addEventListener('submit', () => form.append(busy(form.dataset.qfBusy, 'p')));
});
document.querySelectorAll('a[data-qf-busy]').forEach((link) => {
  link.addEventListener('click', () => {
    // a download leaves the page where it is and says nothing when it ends: the message goes after a while
    const status = busy(link.dataset.qfBusy, 'span');
    status.classList.add('govuk-!-margin-left-2');
    link.after(status);
    setTimeout(() => status.remove(), 8000);
  });
});

// A region marked data-qf-refresh="3" describes background work: the page reloads every few seconds
// until the work is done and the region is gone.
const refreshing = document.querySelector('[data-qf-refresh]');
if (refreshing) {
  setTimeout(() => window.location.reload(), Number(refreshing.dataset.qfRefresh) * 1000);
}
