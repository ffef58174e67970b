// Frontdesk admin dashboard. Plain JavaScript, no dependencies, loaded with `defer` from our own origin
// (the Content-Security-Policy allows no inline script). Pages are server-rendered shells; this script fills
// them from the JSON admin API and sends every change there with the session's CSRF token.
(function () {
  'use strict';

  /** The session's CSRF token, read at each call: the layout puts it in a meta element. */
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  // ---------- the API ----------

  /** Calls the admin API; resolves with {status, body}, rejects with an Error carrying the problem detail. */
  function api(method, url, body) {
    var options = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (method !== 'GET') {
      // A cross-site form cannot send this content type or header: together they are the CSRF defence.
      options.headers['Content-Type'] = 'application/json';
      options.headers['X-CSRF-Token'] = csrfToken();
      options.body = JSON.stringify(body === undefined ? {} : body);
    }
    return fetch(url, options).then(function (response) {
      if (response.status === 204) { return { status: 204, body: null }; }
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (response.ok) { return { status: response.status, body: data }; }
        var error = new Error(problemText(response.status, data, response.headers.get('Retry-After')));
        error.status = response.status;
        error.problem = data || {};
        throw error;
      });
    });
  }

  function problemText(status, problem, retryAfter) {
    if (status === 401) { return 'Your session has ended: log in again.'; }
    if (status === 403) { return 'Refused (403): ' + ((problem && problem.detail) || 'not allowed, or the page is stale: reload it.'); }
    var text = !problem ? 'The server answered ' + status + '.' : problem.detail || problem.title || ('The server answered ' + status + '.');
    if (problem && problem.errors && problem.errors.length) {
      text += ' ' + problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    // A cap (429) says when it lifts; the admin should not have to guess or keep clicking.
    if (status === 429 && retryAfter && /^\d+$/.test(retryAfter)) { text += ' Try again in ' + duration(Number(retryAfter)) + '.'; }
    return text;
  }

  /** Seconds as the largest whole unit a person would say: 75600 is "21 hours", 90 is "2 minutes". */
  function duration(seconds) {
    function unit(n, name) { return n + ' ' + name + (n === 1 ? '' : 's'); }
    if (seconds >= 7200) { return unit(Math.ceil(seconds / 3600), 'hour'); }
    if (seconds >= 120) { return unit(Math.ceil(seconds / 60), 'minute'); }
    return unit(seconds, 'second');
  }

  // ---------- small helpers ----------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; }
      else if (attrs[key] !== null && attrs[key] !== undefined && attrs[key] !== false) { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  /** A field of an item; `a|b.c` takes the first that is present, so a column survives a renamed field. */
  function pick(item, spec) {
    var names = spec.split('|');
    for (var i = 0; i < names.length; i++) {
      var value = names[i].split('.').reduce(function (v, k) { return v === null || v === undefined ? undefined : v[k]; }, item);
      if (value !== undefined && value !== null && value !== '') { return value; }
    }
    return null;
  }

  /** Fills `[field]` placeholders from an item, URL-encoded (square brackets: Qute owns the curly ones). */
  function fillTemplate(template, item, plain) {
    return template.replace(/\[([^\]]+)\]/g, function (_, name) {
      var value = pick(item, name);
      value = value === null ? '' : String(value);
      return plain ? value : encodeURIComponent(value);
    });
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function formatInstant(value) {
    var date = new Date(value);
    if (isNaN(date.getTime())) { return String(value); }
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' +
      pad(date.getHours()) + ':' + pad(date.getMinutes());
  }

  function isMoney(value) {
    return value && typeof value === 'object' && typeof value.amount === 'number' && typeof value.currency === 'string' &&
      Object.keys(value).length === 2;
  }

  /** Minor units to `CHF 1'234.50`, with integers only: money is never a float here. */
  function formatMoney(money) {
    var negative = money.amount < 0;
    var abs = Math.abs(money.amount);
    var whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2019');
    return (negative ? '-' : '') + money.currency + ' ' + whole + '.' + pad(abs % 100);
  }

  var INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

  function humanize(key) {
    var words = String(key).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function badge(value) {
    return el('span', { 'class': 'badge badge-' + String(value).replace(/[^a-z0-9_-]/gi, ''), text: String(value).replace(/_/g, ' ') });
  }

  /** One cell value, by the column's format. */
  function formatCell(value, format, item) {
    if (value === null || value === undefined) { return el('span', { 'class': 'none', text: '\u2014' }); }
    if (format === 'money' && isMoney(value)) { return document.createTextNode(formatMoney(value)); }
    if (format === 'money' && typeof value === 'number' && item && item.currency) { return document.createTextNode(formatMoney({ amount: value, currency: item.currency })); }
    if (format === 'date') { return document.createTextNode(formatInstant(value)); }
    if (format === 'badge') { return badge(value); }
    if (format === 'list' && Array.isArray(value)) { return document.createTextNode(value.join(', ')); }
    if (format === 'code') { return el('code', { text: String(value) }); }
    return renderValue(value);
  }

  /** Any JSON value as readable markup: the person's export and the stats are shown this way. */
  function renderValue(value, depth) {
    depth = depth || 0;
    if (value === null || value === undefined) { return el('span', { 'class': 'none', text: '\u2014' }); }
    if (typeof value === 'boolean') { return document.createTextNode(value ? 'yes' : 'no'); }
    if (typeof value === 'number') { return document.createTextNode(value.toLocaleString('en-GB')); }
    if (typeof value === 'string') { return document.createTextNode(INSTANT.test(value) ? formatInstant(value) : value); }
    if (isMoney(value)) { return document.createTextNode(formatMoney(value)); }
    if (Array.isArray(value)) {
      if (!value.length) { return el('span', { 'class': 'none', text: 'none' }); }
      if (typeof value[0] !== 'object') { return document.createTextNode(value.join(', ')); }
      if (value.every(isMoney)) { return document.createTextNode(value.map(formatMoney).join(' + ')); }
      var keys = [];
      value.forEach(function (item) { Object.keys(item || {}).forEach(function (k) { if (keys.indexOf(k) < 0) { keys.push(k); } }); });
      var head = el('tr', {}, keys.map(function (k) { return el('th', { scope: 'col', text: humanize(k) }); }));
      var rows = value.map(function (item) {
        return el('tr', {}, keys.map(function (k) { return el('td', {}, [renderValue(item[k], depth + 1)]); }));
      });
      return el('div', { 'class': 'table-wrap' }, [el('table', { 'class': 'compact' }, [el('thead', {}, [head]), el('tbody', {}, rows)])]);
    }
    var dl = el('dl', { 'class': depth ? 'pairs nested' : 'pairs' });
    Object.keys(value).forEach(function (key) {
      dl.appendChild(el('dt', { text: humanize(key) }));
      dl.appendChild(el('dd', {}, [renderValue(value[key], depth + 1)]));
    });
    return dl;
  }

  // ---------- the notice line of every page ----------

  function notice(text, kind) {
    var box = document.querySelector('[data-notice]');
    if (!box) { return; }
    box.textContent = text;
    box.className = 'notice notice-' + (kind || 'info');
    box.hidden = false;
    if (kind === 'error') { box.focus(); }
  }

  function fail(error) { notice(error.message, 'error'); }

  function changed() { document.dispatchEvent(new CustomEvent('frontdesk:changed')); }

  // ---------- confirmations: a second, explicit step before anything that cannot be undone ----------

  function confirmStep(button, question, action) {
    var holder = el('span', { 'class': 'confirm', role: 'group', 'aria-label': question });
    var yes = el('button', { type: 'button', 'class': 'danger', text: 'Yes, ' + button.textContent.toLowerCase() });
    var no = el('button', { type: 'button', 'class': 'secondary', text: 'Keep' });
    holder.appendChild(el('span', { text: question + ' ' }));
    holder.appendChild(yes);
    holder.appendChild(no);
    button.hidden = true;
    button.parentNode.insertBefore(holder, button.nextSibling);
    yes.focus();
    function close() { holder.remove(); button.hidden = false; button.focus(); }
    no.addEventListener('click', close);
    yes.addEventListener('click', function () { holder.remove(); button.hidden = false; action(); });
  }

  // ---------- lists: a filter form, a table, paging and the CSV link ----------

  function setupList(section) {
    var form = section.querySelector('[data-list-form]');
    var table = section.querySelector('table');
    var tbody = section.querySelector('[data-rows]');
    var count = section.querySelector('[data-list-count]');
    var csv = section.querySelector('[data-csv-link]');
    var prev = section.querySelector('[data-prev]');
    var next = section.querySelector('[data-next]');
    var columns = all('thead th', table).map(function (th) { return th.dataset; });
    var page = 0;
    var size = Number(section.dataset.size || 25);
    var paged = section.dataset.paged !== 'false';

    // The filters live in the page's address too, so a filtered list can be bookmarked and survives a reload.
    // Selects filled from the API get their options first: a value set before its option exists is lost.
    var ready = form ? eventChoices(form) : Promise.resolve();
    function applyAddress() {
      if (!form) { return; }
      var initial = new URLSearchParams(location.search);
      all('input[name], select[name]', form).forEach(function (field) {
        if (initial.has(field.name)) { field.value = initial.get(field.name); }
      });
      page = Number(initial.get('page') || 0);
    }

    function query() {
      var params = new URLSearchParams();
      if (form) {
        new FormData(form).forEach(function (value, key) { if (String(value).trim() !== '') { params.set(key, String(value).trim()); } });
      }
      return params;
    }

    function load() {
      var params = query();
      if (csv) { csv.href = section.dataset.csv + (params.toString() ? '?' + params : ''); }
      if (paged) { params.set('page', page); params.set('size', size); }
      var visible = query();
      if (page) { visible.set('page', page); }
      if (form) { history.replaceState(null, '', location.pathname + (visible.toString() ? '?' + visible : '')); }
      section.setAttribute('aria-busy', 'true');
      return api('GET', section.dataset.api + '?' + params).then(function (answer) {
        var body = answer.body;
        var items = Array.isArray(body) ? body : (body && body.items) || [];
        var total = Array.isArray(body) ? items.length : body.total;
        render(items);
        if (count) {
          count.textContent = total === 0 ? 'Nothing found.' : paged && !Array.isArray(body)
            ? (page * size + 1) + '\u2013' + (page * size + items.length) + ' of ' + total
            : total + (total === 1 ? ' item' : ' items');
        }
        if (prev) { prev.disabled = page === 0; }
        if (next) { next.disabled = Array.isArray(body) || (page + 1) * size >= total; }
      }).catch(function (error) {
        tbody.replaceChildren(el('tr', {}, [el('td', { colspan: columns.length, 'class': 'error', text: error.message })]));
        if (count) { count.textContent = ''; }
      }).finally(function () { section.removeAttribute('aria-busy'); });
    }

    function render(items) {
      tbody.replaceChildren();
      if (!items.length) {
        tbody.appendChild(el('tr', {}, [el('td', { colspan: columns.length, 'class': 'none', text: 'Nothing to show.' })]));
      }
      items.forEach(function (item) {
        var row = el('tr');
        columns.forEach(function (column) {
          var cell = el('td', { 'class': /^(money|date|badge)$/.test(column.format || '') ? 'nowrap' : null });
          if (column.action) {
            var when = column.when ? column.when.split('=') : null;
            var show = !when || (when[1] === '*' ? pick(item, when[0]) !== null : String(pick(item, when[0])) === when[1]);
            if (show) { cell.appendChild(actionButton(column, item)); }
          } else if (column.link) {
            var value = pick(item, column.field);
            cell.appendChild(value === null ? formatCell(null) : el('a', { href: fillTemplate(column.link, item) }, [column.text ? column.text : formatCell(value, column.format)]));
          } else {
            cell.appendChild(formatCell(pick(item, column.field), column.format, item));
          }
          row.appendChild(cell);
        });
        tbody.appendChild(row);
      });
    }

    function actionButton(column, item) {
      var button = el('button', { type: 'button', 'class': column.danger !== undefined ? 'small danger' : 'small secondary', text: column.action });
      button.addEventListener('click', function () {
        if (column.edit) { editForm(document.querySelector(column.edit), item); return; }
        var run = function () {
          api(column.method || 'POST', fillTemplate(column.url, item)).then(function () {
            notice(column.done ? fillTemplate(column.done, item, true) : 'Done.', 'success');
            changed();
          }).catch(fail);
        };
        if (column.confirm) { confirmStep(button, fillTemplate(column.confirm, item, true), run); } else { run(); }
      });
      return button;
    }

    if (form) {
      form.addEventListener('submit', function (event) { event.preventDefault(); page = 0; load(); });
      all('select', form).forEach(function (select) { select.addEventListener('change', function () { page = 0; load(); }); });
    }
    if (prev) { prev.addEventListener('click', function () { if (page > 0) { page--; load(); } }); }
    if (next) { next.addEventListener('click', function () { page++; load(); }); }
    document.addEventListener('frontdesk:changed', load);
    ready.then(function () { applyAddress(); load(); });
  }

  // ---------- event and ticket-type filters: choices from the events API ----------

  var eventsRequest = null;

  /** The events with their ticket types, fetched once per page however many selects offer them. */
  function adminEvents() {
    if (!eventsRequest) {
      eventsRequest = api('GET', '/api/admin/events').then(function (answer) {
        return Array.isArray(answer.body) ? answer.body : (answer.body && answer.body.items) || [];
      });
    }
    return eventsRequest;
  }

  /**
   * Fills `select[data-choices=event]` and `select[data-choices=type]` of a filter form; resolves once they hold
   * their options (or could not be loaded: the list then still works, unfiltered by them). The type choices follow
   * the chosen event. Must be called before the list wires its own change listeners, so the types are refilled
   * before a change reloads the list.
   */
  function eventChoices(form) {
    var eventSelect = form.querySelector('select[data-choices=event]');
    var typeSelect = form.querySelector('select[data-choices=type]');
    if (!eventSelect && !typeSelect) { return Promise.resolve(); }
    var events = [];
    var wanted = new URLSearchParams(location.search);

    function typesOf(slug) {
      var seen = {};
      var choices = [];
      events.filter(function (e) { return !slug || e.slug === slug; }).forEach(function (e) {
        (e.ticketTypes || []).forEach(function (t) {
          // Without an event, the filter is by code across events: one choice per code.
          if (!seen[t.code]) { seen[t.code] = true; choices.push([t.code, t.name + ' (' + t.code + ')']); }
        });
      });
      return choices;
    }

    if (eventSelect && typeSelect) {
      eventSelect.addEventListener('change', function () { fillChoices(typeSelect, typesOf(eventSelect.value), typeSelect.value, false); });
    }
    return adminEvents().then(function (list) {
      events = list;
      if (eventSelect) {
        fillChoices(eventSelect, events.map(function (e) { return [e.slug, e.name + ' (' + e.slug + ')']; }), wanted.get('event'), true);
      }
      if (typeSelect) { fillChoices(typeSelect, typesOf(eventSelect ? eventSelect.value : ''), wanted.get('type'), true); }
    }).catch(function (error) { notice('The events for the filters could not be loaded: ' + error.message, 'error'); });
  }

  /**
   * Replaces a select's choices after its first ("any") option and selects `keep`. From the address, a value that
   * is not (or no longer) a choice stays as one, so a bookmarked filter is shown as it is applied; after another
   * choice changed, it falls back to "any".
   */
  function fillChoices(select, choices, keep, fromAddress) {
    var options = choices.map(function (c) { return el('option', { value: c[0], text: c[1] }); });
    var known = choices.some(function (c) { return c[0] === keep; });
    if (keep && !known && fromAddress) { options.push(el('option', { value: keep, text: keep + ' (unknown)' })); }
    select.replaceChildren.apply(select, [select.options[0]].concat(options));
    select.value = keep && (known || fromAddress) ? keep : '';
  }

  // ---------- a bank transfer: find its order or pledge by the reference, and record the payment ----------

  function setupReference(form) {
    var input = form.querySelector('[name=reference]');
    var result = document.querySelector('[data-reference-result]');
    var shown = '';

    function find(reference) {
      shown = reference;
      result.setAttribute('aria-busy', 'true');
      return api('GET', '/api/admin/payments?reference=' + encodeURIComponent(reference)).then(function (answer) {
        show(answer.body);
      }).catch(function (error) {
        result.replaceChildren(el('p', error.status === 404
          ? { 'class': 'none', text: 'No order or pledge has this reference.' }
          : { 'class': 'error', text: error.message }));
      }).finally(function () {
        result.hidden = false;
        result.removeAttribute('aria-busy');
      });
    }

    function show(payment) {
      var order = payment.kind === 'order';
      var email = payment.email;
      var rows = [
        ['Kind', order ? 'Ticket order' : 'Pledge'],
        ['Status', badge(payment.status)],
        ['Amount', formatCell(payment.amount, 'money')],
        ['Name', payment.name || '\u2014'],
        ['Email', email ? el('a', { href: '/admin/person?email=' + encodeURIComponent(email), text: email }) : '\u2014'],
        ['Payment', payment.paymentMethod || '\u2014']
      ];
      var actions = el('p', { 'class': 'order-actions' });
      if (order) { actions.appendChild(el('a', { 'class': 'button secondary', href: '/admin/orders/' + encodeURIComponent(payment.id), text: 'Open the order' })); }
      // Marking paid records a bank transfer: only for invoices, and only while the payment is awaited.
      if (payment.status === 'pending_payment' && payment.paymentMethod === 'invoice') {
        var markPaid = el('button', { type: 'button', 'data-reference-mark-paid': '', text: 'Mark paid' });
        markPaid.addEventListener('click', function () {
          markPaid.disabled = true;
          api('POST', '/api/admin/' + (order ? 'orders/' : 'pledges/') + encodeURIComponent(payment.id) + '/mark-paid').then(function () {
            notice(order ? 'Marked paid: the order is confirmed and the tickets are on their way.'
              : 'Payment recorded; the receipt is on its way.', 'success');
            changed();
            return find(shown);
          }).catch(function (error) { markPaid.disabled = false; fail(error); });
        });
        actions.appendChild(markPaid);
      }
      result.dataset.status = payment.status;
      result.replaceChildren(
        el('h2', { text: (order ? 'Order' : 'Pledge') + ' for this reference' }),
        el('dl', { 'class': 'pairs' }, rows.reduce(function (list, row) {
          list.push(el('dt', { text: row[0] }));
          list.push(el('dd', {}, [row[1]]));
          return list;
        }, [])),
        actions);
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var reference = input.value.trim();
      if (!reference) { input.focus(); return; }
      delete result.dataset.status;
      find(reference);
    });
  }

  // ---------- forms that create or change something through the API ----------

  /** `price.amount` becomes {"price": {"amount": ...}}; data-kind converts; empty fields are left out. */
  function formBody(form) {
    var body = {};
    all('input[name], select[name], textarea[name]', form).forEach(function (field) {
      if (field.dataset.pathOnly !== undefined || field.disabled) { return; }
      var kind = field.dataset.kind || '';
      var value;
      if (field.type === 'checkbox') {
        if (kind === 'set') {
          value = (lookup(body, field.name) || []);
          if (field.checked) { value.push(field.value); }
          assign(body, field.name, value);
          return;
        }
        value = field.checked;
      } else {
        value = field.value.trim();
        if (value === '') { return; }
        if (kind === 'int') { value = Number(value); }
        else if (kind === 'money') { value = minorUnits(value, field); }
        else if (kind === 'instant') { value = new Date(value).toISOString(); }
        else if (kind === 'list') { value = value.split(',').map(function (s) { return s.trim(); }).filter(Boolean); }
      }
      assign(body, field.name, value);
    });
    return body;
  }

  /** `590` or `590.5` or `590.50` francs to 59050 centimes, without floating point. */
  function minorUnits(text, field) {
    var match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text.replace(/['\u2019 ]/g, ''));
    if (!match) { throw new Error((field.labels[0] ? field.labels[0].textContent.trim() : field.name) + ': enter an amount like 590 or 590.50'); }
    return Number(match[1]) * 100 + Number(((match[2] || '') + '00').slice(0, 2));
  }

  function lookup(object, path) {
    return path.split('.').reduce(function (v, k) { return v ? v[k] : undefined; }, object);
  }

  function assign(object, path, value) {
    var keys = path.split('.');
    var last = keys.pop();
    keys.reduce(function (o, k) { o[k] = o[k] || {}; return o[k]; }, object)[last] = value;
  }

  function setupForm(form) {
    var title = form.querySelector('[data-form-title]');
    var createTitle = title ? title.textContent : '';
    var cancel = form.querySelector('[data-cancel-edit]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var editing = form.dataset.mode === 'edit';
      var body;
      try { body = formBody(form); } catch (error) { notice(error.message, 'error'); return; }
      var values = {};
      all('input[name], select[name]', form).forEach(function (field) { if (field.type !== 'checkbox') { values[field.name] = field.value.trim(); } });
      var url = fillTemplate(editing ? form.dataset.editUrl : form.dataset.url, values);
      api(editing ? (form.dataset.editMethod || 'PUT') : (form.dataset.method || 'POST'), url, body).then(function () {
        notice(form.dataset.done || 'Saved.', 'success');
        resetForm(form);
        changed();
      }).catch(fail);
    });
    if (cancel) { cancel.addEventListener('click', function () { resetForm(form); }); }
    form.resetTitle = function () { if (title) { title.textContent = createTitle; } };
  }

  function resetForm(form) {
    form.reset();
    form.dataset.mode = 'create';
    all('[data-key]', form).forEach(function (field) { field.readOnly = false; });
    all('[data-cancel-edit]', form).forEach(function (b) { b.hidden = true; });
    if (form.resetTitle) { form.resetTitle(); }
  }

  /** Puts an item into its form and switches the form to changing that item. */
  function editForm(form, item) {
    if (!form) { return; }
    resetForm(form);
    all('input[name], select[name], textarea[name]', form).forEach(function (field) {
      var value = lookup(item, field.name);
      if (field.dataset.from) { value = pick(item, field.dataset.from); }
      if (field.type === 'checkbox') {
        field.checked = Array.isArray(value) ? value.indexOf(field.value) >= 0 : !!value;
        return;
      }
      if (field.dataset.kind === 'money' && typeof value === 'number') { value = Math.floor(value / 100) + '.' + pad(value % 100); }
      if (field.dataset.kind === 'instant' && value) { var d = new Date(value); value = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes()); }
      if (field.dataset.kind === 'list' && Array.isArray(value)) { value = value.join(', '); }
      if (field.type === 'password') { value = ''; }
      if (value !== undefined && value !== null) { field.value = value; }
    });
    all('[data-key]', form).forEach(function (field) { field.readOnly = true; });
    form.dataset.mode = 'edit';
    all('[data-cancel-edit]', form).forEach(function (b) { b.hidden = false; });
    var title = form.querySelector('[data-form-title]');
    if (title) { title.textContent = 'Change ' + (pick(item, form.dataset.name || 'code|slug|username') || ''); }
    form.scrollIntoView({ block: 'start' });
    var first = form.querySelector('input:not([readonly]):not([type=hidden]), select, textarea');
    if (first) { first.focus(); }
  }

  // ---------- events, their ticket types and vouchers ----------

  function setupEvents(container) {
    function load() {
      return api('GET', '/api/admin/events').then(function (answer) {
        var events = Array.isArray(answer.body) ? answer.body : (answer.body.items || []);
        container.replaceChildren();
        if (!events.length) { container.appendChild(el('p', { 'class': 'none', text: 'No events yet: create one below.' })); }
        events.forEach(function (event) { container.appendChild(eventCard(event)); });
        all('select[data-event-options]').forEach(function (select) {
          var current = select.value;
          select.replaceChildren.apply(select, events.map(function (e) { return el('option', { value: e.slug, text: e.name + ' (' + e.slug + ')' }); }));
          if (current) { select.value = current; }
        });
      }).catch(function (error) { container.replaceChildren(el('p', { 'class': 'error', text: error.message })); });
    }

    function eventCard(event) {
      var edit = el('button', { type: 'button', 'class': 'small secondary', text: 'Edit event' });
      edit.addEventListener('click', function () { editForm(document.querySelector('#event-form'), event); });
      var types = (event.ticketTypes || []).map(function (type) {
        var change = el('button', { type: 'button', 'class': 'small secondary', text: 'Edit' });
        change.addEventListener('click', function () {
          var copy = JSON.parse(JSON.stringify(type));
          copy.event = event.slug;
          editForm(document.querySelector('#type-form'), copy);
        });
        var remove = el('button', { type: 'button', 'class': 'small danger', text: 'Delete' });
        remove.addEventListener('click', function () {
          confirmStep(remove, 'Delete ticket type ' + type.code + '?', function () {
            api('DELETE', '/api/admin/events/' + encodeURIComponent(event.slug) + '/ticket-types/' + encodeURIComponent(type.code))
              .then(function () { notice('Ticket type deleted.', 'success'); changed(); }).catch(fail);
          });
        });
        return el('tr', {}, [
          el('td', {}, [el('code', { text: type.code })]), el('td', { text: type.name }),
          el('td', { 'class': 'num', text: String(type.capacity) }), el('td', { 'class': 'num', text: String(type.sold) }),
          el('td', { 'class': 'num', text: String(type.held) }), el('td', {}, [formatCell(type.price, 'money')]),
          el('td', { text: type.earlyBird ? formatMoney({ amount: type.earlyBird.amount, currency: type.price.currency }) +
            ' until ' + formatInstant(type.earlyBird.endsAt) + (type.earlyBird.quota !== undefined && type.earlyBird.quota !== null
              ? ' (' + type.earlyBirdTaken + ' of ' + type.earlyBird.quota + ' taken)' : '') : '\u2014' }),
          el('td', { 'class': 'actions' }, [change, remove])
        ]);
      });
      var vouchers = el('div', { 'class': 'vouchers' }, [el('p', { 'class': 'none', text: 'Loading vouchers\u2026' })]);
      api('GET', '/api/admin/vouchers?event=' + encodeURIComponent(event.slug)).then(function (answer) {
        var list = Array.isArray(answer.body) ? answer.body : (answer.body.items || []);
        vouchers.replaceChildren(list.length ? voucherTable(event, list) : el('p', { 'class': 'none', text: 'No vouchers.' }));
      }).catch(function (error) { vouchers.replaceChildren(el('p', { 'class': 'error', text: 'Vouchers: ' + error.message })); });
      return el('article', { 'class': 'card event' }, [
        el('h2', {}, [event.name + ' ', el('code', { text: event.slug })]),
        el('p', { text: event.startsOn + ' to ' + event.endsOn + ', ' + event.venue + ' (' + event.timezone + ')' +
          (event.salesStart ? ', sales from ' + formatInstant(event.salesStart) : '') + (event.salesEnd ? ' until ' + formatInstant(event.salesEnd) : '') }),
        el('p', {}, [edit, ' ', el('a', { href: '/admin/orders?event=' + encodeURIComponent(event.slug), text: 'Orders' }), ' \u00b7 ',
          el('a', { href: '/admin/tickets?event=' + encodeURIComponent(event.slug), text: 'Tickets' }), ' \u00b7 ',
          el('a', { href: '/admin/checkin?event=' + encodeURIComponent(event.slug), text: 'Check-in' })]),
        el('div', { 'class': 'table-wrap' }, [el('table', {}, [
          el('caption', { text: 'Ticket types' }),
          el('thead', {}, [el('tr', {}, ['Code', 'Name', 'Capacity', 'Sold', 'Held', 'Price', 'Early bird', ''].map(function (h) { return el('th', { scope: 'col', text: h }); }))]),
          el('tbody', {}, types.length ? types : [el('tr', {}, [el('td', { colspan: 8, 'class': 'none', text: 'No ticket types yet.' })])])
        ])]),
        el('h3', { text: 'Vouchers' }), vouchers
      ]);
    }

    /** Vouchers with their uses; a leaked code is retired (it takes no new order) or, never used, deleted. */
    function voucherTable(event, list) {
      var rows = list.map(function (v) {
        var url = '/api/admin/vouchers/' + encodeURIComponent(event.slug) + '/' + encodeURIComponent(v.code);
        var toggle = el('button', { type: 'button', 'class': 'small secondary', text: v.active ? 'Retire' : 'Reopen' });
        toggle.addEventListener('click', function () {
          api('PUT', url, { maxUses: v.maxUses, active: !v.active })
            .then(function () { notice(v.active ? 'Voucher ' + v.code + ' retired: it takes no new order.' : 'Voucher ' + v.code + ' reopened.', 'success'); changed(); })
            .catch(fail);
        });
        var remove = el('button', { type: 'button', 'class': 'small danger', text: 'Delete' });
        remove.addEventListener('click', function () {
          confirmStep(remove, 'Delete voucher ' + v.code + '? One that orders used is retired instead.', function () {
            api('DELETE', url).then(function () { notice('Voucher ' + v.code + ' deleted or retired.', 'success'); changed(); }).catch(fail);
          });
        });
        return el('tr', { 'data-voucher': v.code }, [
          el('td', {}, [el('code', { text: v.code })]),
          el('td', { text: (v.types || []).join(', ') || 'all' }),
          el('td', { text: v.discount.percent ? v.discount.percent + ' %' : formatMoney({ amount: v.discount.amount, currency: event.currency || 'CHF' }) }),
          el('td', { 'class': 'num', text: v.used + ' of ' + v.maxUses }),
          el('td', { text: v.active ? 'active' : 'retired' }),
          el('td', { 'class': 'actions' }, [toggle, remove])
        ]);
      });
      return el('div', { 'class': 'table-wrap' }, [el('table', {}, [
        el('thead', {}, [el('tr', {}, ['Code', 'Types', 'Discount', 'Used', 'State', ''].map(function (h) { return el('th', { scope: 'col', text: h }); }))]),
        el('tbody', {}, rows)
      ])]);
    }

    document.addEventListener('frontdesk:changed', load);
    load();
  }

  // ---------- one order ----------

  function setupOrder(section) {
    var id = section.dataset.order;
    var summary = section.querySelector('[data-order-summary]');
    var tickets = section.querySelector('[data-order-tickets]');
    var buttons = {
      markPaid: section.querySelector('[data-mark-paid]'),
      cancel: section.querySelector('[data-cancel-order]'),
      release: section.querySelector('[data-release-hold]'),
      resend: section.querySelector('[data-resend]')
    };

    function load() {
      return api('GET', '/api/admin/orders/' + id).then(function (answer) { render(answer.body); })
        .catch(function (error) { summary.replaceChildren(el('p', { 'class': 'error', text: error.message })); });
    }

    function render(order) {
      var status = pick(order, 'status');
      var email = pick(order, 'buyer.email|buyerEmail|email');
      var rows = [
        ['Status', badge(status)],
        ['Event', pick(order, 'event|event.slug')],
        ['Buyer', el('span', {}, [String(pick(order, 'buyer.name|buyerName|name') || '') + ' ',
          email ? el('a', { href: '/admin/person?email=' + encodeURIComponent(email), text: email }) : ''])],
        ['Total', formatCell(pick(order, 'total'), 'money')],
        ['Payment', String(pick(order, 'paymentMethod') || '\u2014')],
        ['Reference', pick(order, 'paymentReference') ? el('code', { text: pick(order, 'paymentReference') }) : '\u2014'],
        ['Placed', formatCell(pick(order, 'createdAt'), 'date')],
        ['Holds seats until', formatCell(pick(order, 'expiresAt'), 'date')],
        ['Confirmed', formatCell(pick(order, 'confirmedAt'), 'date')],
        ['Cancelled', formatCell(pick(order, 'cancelledAt'), 'date')],
        ['Refunded', formatCell(pick(order, 'refundedAt'), 'date')],
        // Why the tickets let nobody in any more: the payment was refunded or disputed, and since when.
        ['Tickets voided', pick(order, 'voidReason') ? el('span', {}, [String(pick(order, 'voidReason')) + ' ',
          formatCell(pick(order, 'voidedAt'), 'date')]) : '\u2014']
      ];
      summary.replaceChildren(el('dl', { 'class': 'pairs' }, rows.reduce(function (list, row) {
        list.push(el('dt', { text: row[0] }));
        list.push(el('dd', {}, [typeof row[1] === 'string' ? document.createTextNode(row[1]) : row[1] || formatCell(null)]));
        return list;
      }, [])));
      var lines = (order.tickets || []).map(function (t) {
        return el('tr', {}, [
          el('td', { text: String(pick(t, 'type') || '') }),
          el('td', { text: String(pick(t, 'attendee.name|attendeeName') || '') }),
          el('td', { text: String(pick(t, 'attendee.email|attendeeEmail') || '') }),
          el('td', {}, [formatCell(pick(t, 'price'), 'money'), ' ', el('small', { text: String(pick(t, 'priceLabel') || '') })]),
          el('td', {}, [formatCell(pick(t, 'code'), 'code')]),
          el('td', {}, [formatCell(pick(t, 'checkedInAt'), 'date')])
        ]);
      });
      tickets.replaceChildren.apply(tickets, lines);
      buttons.markPaid.hidden = status !== 'pending_payment';
      buttons.release.hidden = status !== 'pending_payment';
      buttons.cancel.hidden = status !== 'pending_payment' && status !== 'confirmed';
      buttons.cancel.textContent = pick(order, 'paymentMethod') === 'card' && status === 'confirmed' ? 'Cancel and refund' : 'Cancel order';
      buttons.resend.hidden = status !== 'confirmed';
      section.dataset.status = status;
    }

    function act(path, done) {
      return api('POST', '/api/admin/orders/' + id + '/' + path).then(function () { notice(done, 'success'); return load(); }).catch(fail);
    }

    buttons.markPaid.addEventListener('click', function () { act('mark-paid', 'Marked paid: the order is confirmed and the tickets are on their way.'); });
    buttons.resend.addEventListener('click', function () { act('resend-tickets', 'The tickets were sent again.'); });
    buttons.release.addEventListener('click', function () {
      confirmStep(buttons.release, 'Release this unpaid order\'s seats now? The order expires and the buyer is told.', function () {
        act('release', 'Hold released: the order has expired and its seats are free again.');
      });
    });
    buttons.cancel.addEventListener('click', function () {
      confirmStep(buttons.cancel, 'Cancel this order and release its seats? A card payment is refunded.', function () {
        act('cancel', 'Order cancelled; its seats are free again.');
      });
    });
    load();
  }

  // ---------- one person: everything held, export and erasure ----------

  function setupPerson(section) {
    var email = section.dataset.email;
    var body = section.querySelector('[data-person-body]');
    var erase = section.querySelector('[data-erase]');
    var step = section.querySelector('[data-erase-step]');
    var typed = section.querySelector('[data-erase-confirm]');
    var finalButton = section.querySelector('[data-erase-final]');
    var resend = section.querySelector('[data-resend-confirmation]');
    if (!email) { return; }
    function load() {
      return api('GET', '/api/admin/contacts/' + encodeURIComponent(email)).then(function (answer) {
        body.replaceChildren();
        Object.keys(answer.body || {}).forEach(function (key) {
          body.appendChild(el('section', { 'class': 'card' }, [el('h2', { text: humanize(key) }), renderValue(answer.body[key], 1)]));
        });
        erase.hidden = false;
        // Only a pending subscription has a confirmation to send again (the API answers 409 otherwise).
        resend.hidden = !(answer.body && answer.body.newsletter && answer.body.newsletter.status === 'pending');
      }).catch(function (error) {
        body.replaceChildren(el('p', { 'class': error.status === 404 ? 'none' : 'error', text: error.status === 404 ? 'Nothing is held about this address.' : error.message }));
      });
    }
    load();
    resend.addEventListener('click', function () {
      resend.disabled = true;
      api('POST', '/api/admin/subscribers/' + encodeURIComponent(email) + '/resend-confirmation').then(function () {
        notice('A new confirmation email to ' + email + ' is on its way.', 'success');
        return load();
      }).catch(fail).finally(function () { resend.disabled = false; });
    });
    erase.addEventListener('click', function () { step.hidden = false; erase.hidden = true; typed.focus(); });
    typed.addEventListener('input', function () { finalButton.disabled = typed.value.trim().toLowerCase() !== email.toLowerCase(); });
    section.querySelector('[data-erase-cancel]').addEventListener('click', function () { step.hidden = true; erase.hidden = false; typed.value = ''; finalButton.disabled = true; erase.focus(); });
    step.addEventListener('submit', function (event) {
      event.preventDefault();
      api('DELETE', '/api/admin/contacts/' + encodeURIComponent(email)).then(function () {
        step.hidden = true;
        resend.hidden = true;
        body.replaceChildren(el('p', { text: 'Erased. Financial records are kept, anonymised; the address is suppressed.' }));
        notice('The person was erased.', 'success');
      }).catch(fail);
    });
  }

  // ---------- the overview: numbers and chart, drawn by the server, refresh themselves ----------

  function setupLive(box) {
    function load() {
      return fetch(box.dataset.live, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } }).then(function (response) {
        if (!response.ok) { throw new Error('The chart could not be refreshed (' + response.status + ').'); }
        return response.text();
      }).then(function (html) {
        // Our own server's fragment, parsed inertly: a template element runs no script and loads nothing.
        var template = document.createElement('template');
        template.innerHTML = html;
        box.replaceChildren(template.content);
        localTimes(box);
      }).catch(function () { box.classList.add('stale'); });
    }
    every(Number(box.dataset.every || 10000), load);
  }

  /** Server-rendered instants (ISO, UTC) in the same short form and zone as everything the script renders. */
  function localTimes(root) {
    all('time[datetime]', root).forEach(function (time) { time.textContent = formatInstant(time.getAttribute('datetime')); });
  }

  /** Runs `task` on an interval while the tab is visible, and at once when it becomes visible again. */
  function every(ms, task) {
    setInterval(function () { if (!document.hidden) { task(); } }, ms);
    document.addEventListener('visibilitychange', function () { if (!document.hidden) { task(); } });
  }

  // ---------- the door ----------

  function setupCheckin(form) {
    var verdict = document.querySelector('[data-verdict]');
    var recent = document.querySelector('[data-recent]');
    var statsLine = document.querySelector('[data-checkin-stats]');
    var code = form.querySelector('[name=code]');
    var eventSelect = form.querySelector('[name=event]');
    var scan = form.querySelector('[data-scan]');
    var video = document.querySelector('[data-camera]');
    var busy = false;

    function show(ok, title, detail) {
      verdict.hidden = false;
      verdict.className = 'verdict ' + (ok ? 'verdict-ok' : 'verdict-no');
      verdict.replaceChildren(el('strong', { text: (ok ? '\u2713 ' : '\u2717 ') + title }), el('span', { text: detail }));
      var item = el('li', { 'class': ok ? 'ok' : 'no' }, [el('time', { text: formatInstant(new Date().toISOString()).slice(11) }), ' ' + title + ': ' + detail]);
      recent.insertBefore(item, recent.firstChild);
      while (recent.children.length > 20) { recent.removeChild(recent.lastChild); }
    }

    function loadStats() {
      if (!eventSelect.value) { return; }
      api('GET', '/api/admin/events/' + encodeURIComponent(eventSelect.value) + '/checkin-stats').then(function (answer) {
        statsLine.textContent = answer.body.checkedIn + ' of ' + answer.body.confirmedTickets + ' tickets checked in.';
      }).catch(function () { statsLine.textContent = ''; });
    }

    function submit(value) {
      value = value.trim();
      if (!value || busy) { return; }
      busy = true;
      api('POST', '/api/admin/checkin', { code: value, event: eventSelect.value || undefined }).then(function (answer) {
        show(true, 'Welcome', answer.body.attendee + ' \u00b7 ' + answer.body.type);
      }).catch(function (error) {
        var p = error.problem || {};
        if (error.status === 409 && p.checkedInAt) {
          show(false, 'Already checked in', (p.attendee ? p.attendee + ' \u00b7 ' : '') + 'at ' + formatInstant(p.checkedInAt));
        } else if (error.status === 404) {
          show(false, 'Unknown code', value);
        } else if (error.status === 422 || error.status === 409) {
          show(false, 'Not valid here', p.detail || error.message);
        } else {
          show(false, 'Not checked in', error.message);
        }
      }).finally(function () {
        busy = false;
        code.value = '';
        code.focus();
        loadStats();
      });
    }

    form.addEventListener('submit', function (event) { event.preventDefault(); submit(code.value); });
    eventSelect.addEventListener('change', function () {
      history.replaceState(null, '', location.pathname + '?event=' + encodeURIComponent(eventSelect.value));
      loadStats();
    });
    loadStats();
    every(15000, loadStats);

    // The camera, where the browser can read QR codes itself; typing and hand scanners work everywhere.
    if ('BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
      scan.hidden = false;
      var stream = null;
      var last = '';
      scan.addEventListener('click', function () {
        if (stream) { stop(); return; }
        var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (s) {
          stream = s;
          video.srcObject = s;
          video.hidden = false;
          scan.textContent = 'Stop camera';
          return video.play().then(function tick() {
            if (!stream) { return; }
            detector.detect(video).then(function (codes) {
              var found = codes.length ? codes[0].rawValue : '';
              // The same code stays in view for many frames: check it in once.
              if (found && found !== last) { last = found; submit(found); }
            }).catch(function () { /* a frame that cannot be read: try the next one */ })
              .finally(function () { if (stream) { requestAnimationFrame(tick); } });
          });
        }).catch(function (error) { show(false, 'No camera', error.message + ' \u2014 type the code instead.'); stop(); });
      });
      function stop() {
        if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
        stream = null;
        last = '';
        video.hidden = true;
        scan.textContent = 'Scan with camera';
      }
    }
  }

  // ---------- start ----------

  document.addEventListener('DOMContentLoaded', function () {
    all('[data-list]').forEach(setupList);
    all('form[data-reference]').forEach(setupReference);
    all('form[data-api-form]').forEach(setupForm);
    all('[data-events]').forEach(setupEvents);
    all('[data-order]').forEach(setupOrder);
    all('[data-person]').forEach(setupPerson);
    all('[data-live]').forEach(setupLive);
    localTimes(document);
    all('form[data-checkin]').forEach(setupCheckin);
    document.documentElement.classList.add('js');
  });
})();
