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
// A file input marked data-qf-max-bytes refuses a larger file before it is sent, with GOV.UK's error
// message on the field; the server refuses it too, this only saves the wait.
function tooLarge(form) {
  const input = form.querySelector('input[type=file][data-qf-max-bytes]');
  const file = input && input.files && input.files[0];
  if (!file || file.size <= Number(input.dataset.qfMaxBytes)) {
    return false;
  }
  const group = input.closest('.govuk-form-group');
  group.classList.add('govuk-form-group--error');
  let message = group.querySelector('.govuk-error-message');
  if (!message) {
    message = document.createElement('p');
    message.id = input.id + '-error';
    message.className = 'govuk-error-message';
    input.before(message);
    input.setAttribute('aria-describedby', message.id);
  }
  const megabytes = Math.round(Number(input.dataset.qfMaxBytes) / 1048576);
  message.innerHTML = '<span class="govuk-visually-hidden">Error:</span> ';
  message.append(file.name + ' is larger than ' + megabytes + ' MB: split it into smaller files and upload each');
  input.classList.add('govuk-file-upload--error');
  input.focus();
  return true;
}
document.querySelectorAll('form[data-qf-busy]').forEach((form) => {
  form.addEventListener('submit', (event) => {
    if (tooLarge(form)) {
      event.preventDefault();
      return;
    }
    form.append(busy(form.dataset.qfBusy, 'p'));
  });
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
