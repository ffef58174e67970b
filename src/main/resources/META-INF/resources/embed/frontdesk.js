/*
 * Frontdesk's forms, submitted in place. Optional: every form[data-frontdesk] works without it as a plain form post.
 * With it, the form is posted with fetch and the answer page replaces the form (its new version, with errors next to
 * the fields) or shows its answer section. No dependencies, no eval, no inline styles (the embedding site's CSP may
 * forbid them), and nothing from an answer ever runs: it is parsed with DOMParser and stripped of scripts.
 */
(() => {
  'use strict';
  if (window.frontdeskForms) {
    return; // loaded twice (a page and a snippet): one listener is enough
  }
  window.frontdeskForms = { version: 1 };

  const FORM = 'form[data-frontdesk]';
  const OFFLINE = 'The form could not be sent. Please check your connection and try again.';
  const clicked = new WeakMap();

  // Browsers without SubmitEvent.submitter: remember the button that was pressed.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('button, input[type=submit]');
    if (button && button.form && button.form.matches(FORM)) {
      clicked.set(button.form, button);
    }
  }, true);

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(FORM) || event.defaultPrevented
        || (form.getAttribute('method') || 'get').toLowerCase() !== 'post') {
      return;
    }
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') {
      return; // a second click while the first post is on its way
    }
    send(form, event.submitter || clicked.get(form));
  });

  async function send(form, submitter) {
    const body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) {
      body.append(submitter.name, submitter.value);
    }
    // Attributes, not form.action or form.id: a control named "action" (the shop's two buttons) shadows them.
    const action = submitter && submitter.hasAttribute('formaction') ? submitter.formAction
      : new URL(form.getAttribute('action') || location.href, location.href).href;
    busy(form, true);
    let response;
    let html;
    try {
      // A URLSearchParams body is sent as application/x-www-form-urlencoded: with Accept (and Accept-Language, so
      // a refusal is worded in the form's language), no preflight is needed.
      const headers = { Accept: 'text/html' };
      const lang = body.get('lang');
      if (lang && /^[a-z]{2}$/.test(lang)) {
        headers['Accept-Language'] = lang;
      }
      response = await fetch(action, {
        method: 'POST', body, headers,
        credentials: 'omit', mode: 'cors', redirect: 'follow',
      });
      html = await response.text();
    } catch (failure) {
      busy(form, false);
      clear(form);
      summary(form, offline(form));
      return;
    }
    if (response.url && new URL(response.url).origin !== new URL(action, location.href).origin) {
      location.assign(response.url); // the answer is another site's page, such as a payment page
      return;
    }
    const page = new DOMParser().parseFromString(html, 'text/html');
    const next = page.querySelector('[data-frontdesk-navigate]');
    if (next && navigate(next.getAttribute('href') || next.getAttribute('data-frontdesk-navigate'), response.url)) {
      return;
    }
    const formId = form.getAttribute('id');
    const again = formId ? page.getElementById(formId) : null;
    if (again && again.tagName === 'FORM') {
      const fresh = adopt(again);
      form.replaceWith(fresh);
      announce(fresh.querySelector('.form-summary') || fresh.querySelector('[aria-invalid=true]') || fresh);
      return;
    }
    const answer = page.querySelector('[data-frontdesk-answer]');
    busy(form, false);
    if (response.ok) {
      form.replaceWith(replacement(answer, page));
    } else {
      refuse(form, answer || page.body);
    }
  }

  /**
   * A refusal keeps the form and what was typed: each error next to its field, the rest (too many attempts, sold
   * out) in a summary at the top, so the reader can correct or simply try again.
   */
  function refuse(form, answer) {
    clear(form);
    const items = Array.from(answer ? answer.querySelectorAll('[data-error-for]') : []);
    const known = items.filter((item) => field(form, item.getAttribute('data-error-for')));
    const text = answer && (answer.querySelector('.form-summary') || answer.querySelector('p'));
    const lines = items.filter((item) => !known.includes(item)).map((item) => item.textContent.trim());
    summary(form, [text ? text.textContent.trim() : ''].concat(lines).filter(Boolean).join(' ')
        || offline(form), true);
    for (const item of known) {
      const name = item.getAttribute('data-error-for');
      const input = field(form, name);
      const id = (form.getAttribute('id') || 'frontdesk') + '-' + name.replace(/[^A-Za-z0-9_-]/g, '_') + '-error';
      const error = document.createElement('p');
      error.className = 'field-error';
      error.id = id;
      error.setAttribute('data-error-for', name);
      error.setAttribute('data-frontdesk-added', '');
      error.textContent = item.textContent.trim();
      (input.closest('label') || input).after(error);
      input.setAttribute('aria-invalid', 'true');
      const described = input.getAttribute('aria-describedby') || '';
      if (!input.hasAttribute('data-frontdesk-described')) {
        input.setAttribute('data-frontdesk-described', described);
      }
      input.setAttribute('aria-describedby', (described + ' ' + id).trim());
    }
  }

  /** The words for a failed connection: the form's, else its page's (our pages set them per language). */
  function offline(form) {
    return form.getAttribute('data-frontdesk-offline')
      || document.documentElement.getAttribute('data-frontdesk-offline') || OFFLINE;
  }

  function field(form, name) {
    const named = name && form.elements.namedItem(name);
    const input = named && (named instanceof Element ? named : named[0]);
    return input && input.type !== 'hidden' ? input : null;
  }

  /** The answer section, or, from a page without one, its main content: a thank-you shown where the form was. */
  function replacement(answer, page) {
    if (answer) {
      return announce(adopt(answer));
    }
    const section = document.createElement('section');
    section.setAttribute('data-frontdesk-answer', '');
    const main = page.querySelector('main') || page.body;
    if (main) {
      for (const child of Array.from(main.childNodes)) {
        section.append(adopt(child));
      }
    }
    return announce(section);
  }

  /** A node of the answer, made this document's, with anything that could run taken out. */
  function adopt(node) {
    const copy = document.importNode(node, true);
    if (copy.nodeType !== Node.ELEMENT_NODE) {
      return copy;
    }
    copy.querySelectorAll('script, iframe, object, embed, base, meta, link').forEach((element) => element.remove());
    for (const element of [copy].concat(Array.from(copy.querySelectorAll('*')))) {
      for (const attribute of Array.from(element.attributes)) {
        const value = attribute.value.trim().toLowerCase();
        if (attribute.name.startsWith('on') || value.startsWith('javascript:')) {
          element.removeAttribute(attribute.name);
        }
      }
    }
    return copy;
  }

  function navigate(href, base) {
    if (!href) {
      return false;
    }
    const target = new URL(href, base || location.href);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      return false;
    }
    location.assign(target.href);
    return true;
  }

  function busy(form, on) {
    form.setAttribute('aria-busy', on ? 'true' : 'false');
    for (const button of form.querySelectorAll('button, input[type=submit]')) {
      if (on && !button.disabled) {
        button.disabled = true;
        button.setAttribute('data-frontdesk-disabled', '');
      } else if (!on && button.hasAttribute('data-frontdesk-disabled')) {
        button.disabled = false;
        button.removeAttribute('data-frontdesk-disabled');
      }
    }
  }

  /** Takes away what this script added to the form after an earlier attempt. */
  function clear(form) {
    form.querySelectorAll('[data-frontdesk-added]').forEach((element) => element.remove());
    for (const input of form.querySelectorAll('[data-frontdesk-described]')) {
      const before = input.getAttribute('data-frontdesk-described');
      if (before) {
        input.setAttribute('aria-describedby', before);
      } else {
        input.removeAttribute('aria-describedby');
      }
      input.removeAttribute('data-frontdesk-described');
      input.removeAttribute('aria-invalid');
    }
  }

  function summary(form, text, refused) {
    const note = document.createElement('p');
    note.className = 'form-summary';
    note.setAttribute('role', 'alert');
    note.setAttribute('data-frontdesk-added', '');
    if (refused) {
      note.setAttribute('data-frontdesk-refused', '');
    }
    note.textContent = text;
    form.prepend(note);
    announce(note);
  }

  /** Moves focus to what a screen reader should read next: the summary or the answer. */
  function announce(element) {
    if (!element.hasAttribute('tabindex') && !element.matches('input, select, textarea, button, a[href]')) {
      element.setAttribute('tabindex', '-1');
    }
    if (!element.hasAttribute('role') && element.hasAttribute('data-frontdesk-answer')) {
      element.setAttribute('role', 'status');
    }
    // After the node is in the document: focus() on a detached node does nothing.
    setTimeout(() => element.focus(), 0);
    return element;
  }
})();
