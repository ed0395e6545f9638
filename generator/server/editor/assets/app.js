// vereinbar – the editor page (generator/server/editor). Vanilla JS, no
// build step. The page is rendered by the server; this script sends the
// form's edits to the API and shows what comes back: the form, the
// validation errors at their fields, the preview, the costs, the check's
// findings and the changes against the saved file.
(function () {
  'use strict';

  var editor = document.getElementById('ed-editor');
  if (!editor) { return; }
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  var datei = editor.getAttribute('data-datei');
  var api = '/api/projekt/' + encodeURIComponent(datei) + '/';
  var yamlArea = document.getElementById('ed-yaml');

  var state = {
    yaml: yamlArea.value,      // the text the last answer returned
    saved: yamlArea.value,     // the text on disk as far as we know
    version: editor.getAttribute('data-version'),
    dokument: '',
    queue: [],                 // edits not yet sent
    yamlDirty: false,          // the YAML tab was typed in
    busy: false,
    timer: 0,
    focusAfter: null,          // id to focus after the next form update
    pruefTimer: 0,
    fehler: 0
  };

  function $(id) { return document.getElementById(id); }

  function status(text) { $('ed-status').textContent = text; }

  // post sends JSON with the CSRF token and returns {status, body}.
  function post(action, body, asBlob) {
    return fetch(api + action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
      credentials: 'same-origin'
    }).then(function (res) {
      if (asBlob && res.ok) {
        return res.blob().then(function (b) { return { status: res.status, body: b, res: res }; });
      }
      return res.text().then(function (t) {
        var j = null;
        try { j = t ? JSON.parse(t) : {}; } catch (e) { j = { meldung: t }; }
        return { status: res.status, body: j, res: res };
      });
    });
  }

  function fail(r) {
    var m = (r.body && (r.body.meldung || r.body.fehler && r.body.fehler.length && r.body.fehler[0].meldung)) || ('Fehler ' + r.status);
    status('Nicht möglich: ' + m);
  }

  // ---- edits -------------------------------------------------------------

  function queueEdit(e) {
    var last = state.queue[state.queue.length - 1];
    if (e.op === 'setzen' && last && last.op === 'setzen' && last.pfad === e.pfad) {
      last.wert = e.wert;
    } else {
      state.queue.push(e);
    }
  }

  function schedule(delay) {
    clearTimeout(state.timer);
    state.waiting = true;
    busy();
    state.timer = setTimeout(function () { state.waiting = false; update(); }, delay);
  }

  // busy marks the editor aria-busy while edits wait or travel, so that
  // assistive technology (and the browser tests) know the page settles.
  function busy() {
    var b = state.busy || state.waiting || state.queue.length > 0 || state.yamlDirty;
    editor.setAttribute('aria-busy', b ? 'true' : 'false');
  }

  // update sends the queued edits (or the YAML tab's text) and applies the
  // answer; one request at a time, so that every edit applies to the text
  // the server returned last.
  function update() {
    if (state.busy) { state.again = true; return Promise.resolve(); }
    var edits = state.queue;
    state.queue = [];
    var fromText = state.yamlDirty;
    var text = fromText ? yamlArea.value : state.yaml;
    var offline = false;
    state.yamlDirty = false;
    state.busy = true;
    busy();
    var p = post('aktualisieren', { yaml: text, edits: edits, version: state.version, dokument: state.dokument })
      .then(function (r) {
        if (r.status !== 200) {
          fail(r);
          // an edit the server refused: show the form as the text is
          if (edits.length) { state.again = true; }
          return;
        }
        apply(r.body);
      }, function () {
        // keep the edits for the next attempt (the next input sends them)
        offline = true;
        state.queue = edits.concat(state.queue);
        state.yamlDirty = state.yamlDirty || fromText;
        status('Keine Verbindung zum Server; die Änderungen werden mit der nächsten Eingabe erneut gesendet.');
      })
      .then(function () {
        state.busy = false;
        if (!offline && (state.queue.length || state.yamlDirty || state.again)) {
          state.again = false;
          return update();
        }
        busy();
      });
    state.pending = p;
    return p;
  }

  function flush() {
    clearTimeout(state.timer);
    state.waiting = false;
    return update().then(function () { return state.pending; });
  }

  function apply(b) {
    if (typeof b.yaml === 'string') {
      state.yaml = b.yaml;
      if (!isYamlTab() || document.activeElement !== yamlArea) {
        yamlArea.value = b.yaml;
      }
    }
    if (b.formular) { replaceForm(b.formular); }
    showErrors(b.fehler || []);
    if (b.dokumente) { showDocs(b.dokumente, b.dokument); }
    if (b.dokument && typeof b.dokument.html === 'string') {
      $('ed-vorschau').innerHTML = b.dokument.html;
    }
    if (b.kosten !== undefined && b.kosten !== null) {
      $('ed-kosten').innerHTML = typeof b.kosten === 'string' ? b.kosten : '';
    }
    markDirty();
    showTitle(b.fehler || []);
    if (!(b.fehler && b.fehler.length)) {
      clearTimeout(state.pruefTimer);
      state.pruefTimer = setTimeout(check, 800);
    }
  }

  // showTitle keeps the heading at the project's title once it is valid.
  function showTitle(fehler) {
    var t = field('vorhaben.titel');
    if (!t || !t.value || fehler.some(function (f) { return f.pfad === 'vorhaben.titel'; })) { return; }
    if ($('ed-titel').textContent !== t.value) {
      $('ed-titel').textContent = t.value;
      document.title = t.value + ' – vereinbar';
    }
  }

  function markDirty() {
    var dirty = state.yaml !== state.saved;
    $('ed-speichern').textContent = dirty ? 'Speichern*' : 'Speichern';
    $('ed-speichern').setAttribute('aria-label', dirty ? 'Speichern (ungespeicherte Änderungen)' : 'Speichern');
    state.dirty = dirty;
  }

  // replaceForm puts the new form in place and keeps focus and caret, and
  // the values of fields whose edits are still on their way.
  function replaceForm(htmlText) {
    var active = document.activeElement;
    var id = active && active.id;
    var selStart = null, selEnd = null;
    if (active && typeof active.selectionStart === 'number') {
      try { selStart = active.selectionStart; selEnd = active.selectionEnd; } catch (e) { /* select */ }
    }
    $('ed-formular-rahmen').innerHTML = htmlText;
    state.queue.forEach(function (e) {
      if (e.op !== 'setzen') { return; }
      var el = field(e.pfad);
      if (el) { el.value = e.wert; }
    });
    var after = state.focusAfter;
    state.focusAfter = null;
    if (!isFormTab()) { return; }
    var target = after ? after() : (id && $(id));
    if (target) {
      target.focus();
      if (!after && selStart !== null && typeof target.setSelectionRange === 'function') {
        try { target.setSelectionRange(selStart, selEnd); } catch (e) { /* not a text field */ }
      }
    }
  }

  // firstField is the first input of the element with the id (or the
  // element itself, if it is one), else its first button.
  function firstField(id) {
    var el = $(id);
    if (!el) { return null; }
    if (/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName)) { return el; }
    return el.querySelector('input, select, textarea') || el.querySelector('button:not([disabled])');
  }

  function field(pfad) {
    var sel = '[data-pfad="' + cssEscape(pfad) + '"]';
    return $('ed-formular-rahmen').querySelector('input' + sel + ', select' + sel + ', textarea' + sel);
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
  }

  // target finds the element of a data path, or of its nearest parent that
  // the form shows ("parteien[2].land" → "parteien[2]" → "parteien").
  function target(pfad) {
    var p = pfad;
    while (p) {
      var el = field(p) || $('ed-formular-rahmen').querySelector('[data-pfad="' + cssEscape(p) + '"]');
      if (el) { return el; }
      var cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.slice(0, cut) : '';
    }
    return null;
  }

  // fieldID mirrors editor.fieldID.
  function fieldID(pfad) {
    return 'f-' + pfad.replace(/\[/g, '-').replace(/\]/g, '').replace(/\./g, '-');
  }

  // ---- errors ------------------------------------------------------------

  function showErrors(list) {
    var form = $('ed-formular-rahmen');
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) { el.removeAttribute('aria-invalid'); });
    Array.prototype.forEach.call(form.querySelectorAll('.fehler'), function (el) { el.textContent = ''; });
    var box = $('ed-fehlerliste');
    var ul = box.querySelector('ul');
    ul.textContent = '';
    list.forEach(function (f) {
      var el = f.pfad ? target(f.pfad) : null;
      var li = document.createElement('li');
      var where = (f.zeile ? 'Zeile ' + f.zeile + (f.spalte ? ', Spalte ' + f.spalte : '') + ': ' : '') + (f.pfad ? f.pfad + ': ' : '');
      if (el) {
        var id = el.id || fieldID(f.pfad);
        var msgEl = $(id + '-fehler');
        if (msgEl) { msgEl.textContent = (msgEl.textContent ? msgEl.textContent + ' ' : '') + f.meldung; }
        if (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) { el.setAttribute('aria-invalid', 'true'); }
        var a = document.createElement('a');
        a.href = '#' + id;
        a.textContent = where + f.meldung;
        a.addEventListener('click', function (ev) {
          ev.preventDefault();
          showTab('formular');
          var t = $(id);
          var focusable = t && firstField(id);
          if (focusable) { focusable.focus(); focusable.scrollIntoView({ block: 'center' }); }
        });
        li.appendChild(a);
      } else {
        var b = document.createElement('a');
        b.href = '#ed-yaml';
        b.textContent = where + f.meldung;
        b.addEventListener('click', function (ev) {
          ev.preventDefault();
          showTab('yaml');
          goToLine(f.zeile, f.spalte);
        });
        li.appendChild(b);
      }
      ul.appendChild(li);
    });
    box.hidden = list.length === 0;
    if (list.length !== state.fehler) {
      $('ed-fehler-ansage').textContent = list.length === 0 ? 'Keine Fehler mehr.' :
        (list.length === 1 ? '1 Fehler: ' + list[0].meldung : list.length + ' Fehler in der Projektdatei.');
      state.fehler = list.length;
    }
  }

  function goToLine(line, col) {
    if (!line) { yamlArea.focus(); return; }
    var lines = yamlArea.value.split('\n');
    var pos = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) { pos += lines[i].length + 1; }
    pos += Math.max(0, (col || 1) - 1);
    yamlArea.focus();
    yamlArea.setSelectionRange(pos, pos);
  }

  // ---- documents ---------------------------------------------------------

  function showDocs(docs, current) {
    var sel = $('ed-dokument');
    var want = current && current.id ? current.id : state.dokument;
    sel.textContent = '';
    docs.forEach(function (d) {
      var o = document.createElement('option');
      o.value = d.id;
      o.textContent = d.titel;
      if (d.id === want) { o.selected = true; }
      sel.appendChild(o);
    });
    state.dokument = sel.value;
  }

  // ---- check -------------------------------------------------------------

  // check asks for the findings of the current text; one request at a
  // time, the last one for the newest text.
  function check() {
    if (state.checking) { state.checkAgain = true; return state.checking; }
    state.checking = checkOnce().then(function () {
      state.checking = null;
      if (state.checkAgain) { state.checkAgain = false; return check(); }
    });
    return state.checking;
  }

  function checkOnce() {
    var ul = $('ed-befunde');
    return post('pruefen', { yaml: state.yaml }).then(function (r) {
      if (r.status !== 200) { $('ed-pruefung-stand').textContent = 'Prüfung nicht möglich.'; return; }
      var list = r.body.befunde || [];
      ul.textContent = '';
      $('ed-pruefung-stand').textContent = list.length === 0 ? 'Keine Befunde.' : list.length + ' Befunde.';
      list.forEach(function (b) {
        var li = document.createElement('li');
        li.className = 'befund ' + (b.schwere || '');
        var head = document.createElement('strong');
        head.textContent = (b.schwere === 'fehler' ? 'Fehler' : b.schwere === 'warnung' ? 'Warnung' : (b.schwere || 'Hinweis')) + (b.code ? ' ' + b.code : '') + ': ';
        li.appendChild(head);
        var a = document.createElement('a');
        a.textContent = b.meldung;
        if (b.pfad && target(b.pfad)) {
          var el = target(b.pfad);
          a.href = '#' + el.id;
          a.addEventListener('click', function (ev) {
            ev.preventDefault();
            showTab('formular');
            var f = firstField(el.id) || el;
            f.focus();
          });
        } else if (b.dokument) {
          a.href = '#' + (b.klausel || 'ed-vorschau');
          a.setAttribute('data-dokument', b.dokument);
          a.addEventListener('click', function (ev) {
            ev.preventDefault();
            openClause(b.dokument, b.klausel);
          });
        } else {
          a = document.createElement('span');
          a.textContent = b.meldung;
        }
        li.appendChild(a);
        ul.appendChild(li);
      });
    }, function () { $('ed-pruefung-stand').textContent = 'Keine Verbindung zum Server.'; });
  }

  function openClause(doc, klausel) {
    var go = function () {
      var el = klausel && $('ed-vorschau').querySelector('#' + cssEscape(klausel));
      var t = el || $('ed-vorschau');
      if (!t.hasAttribute('tabindex')) { t.setAttribute('tabindex', '-1'); }
      t.scrollIntoView({ block: 'start' });
      t.focus();
    };
    if (doc === state.dokument) { go(); return; }
    state.dokument = doc;
    $('ed-dokument').value = doc;
    flush().then(go);
  }

  // ---- changes, redline, save ----------------------------------------------

  function changes() {
    return flush().then(function () {
      return post('aenderungen', { yaml: state.yaml });
    }).then(function (r) {
      if (r.status !== 200) { fail(r); return; }
      $('ed-aenderungen').innerHTML = r.body.html || '<p>Keine Änderungen.</p>';
      status('Änderungen gegenüber der gespeicherten Datei angezeigt.');
    });
  }

  function redline() {
    return flush().then(function () {
      return post('redline.docx', { yaml: state.yaml }, true);
    }).then(function (r) {
      if (r.status !== 200) { fail(r); return; }
      var name = datei.replace(/\.ya?ml$/, '') + '-redline.docx';
      var cd = r.res.headers.get('Content-Disposition') || '';
      var m = /filename="?([^";]+)"?/.exec(cd);
      if (m) { name = m[1]; }
      var url = URL.createObjectURL(r.body);
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      status('Redline heruntergeladen.');
    });
  }

  function save() {
    status('Speichere …');
    return flush().then(function () {
      return post('speichern', { yaml: state.yaml, version: state.version });
    }).then(function (r) {
      if (r.status === 200) {
        state.version = r.body.version || state.version;
        state.saved = state.yaml;
        markDirty();
        status('Gespeichert.');
        check();
        return;
      }
      if (r.status === 409) {
        status('Nicht gespeichert: Die Datei wurde inzwischen geändert.');
        if (r.body.meldung) { $('ed-konflikt-text').textContent = r.body.meldung + ' Ihre Änderungen wurden nicht gespeichert.'; }
        var d = $('ed-konflikt');
        if (typeof d.showModal === 'function') { d.showModal(); } else { d.setAttribute('open', ''); }
        $('ed-konflikt-vergleichen').focus();
        return;
      }
      if (r.status === 422) {
        showErrors(r.body.fehler || []);
        status('Nicht gespeichert: Die Datei enthält Fehler.');
        $('ed-fehlerliste').focus();
        return;
      }
      fail(r);
    }, function () { status('Keine Verbindung zum Server.'); });
  }

  // ---- tabs --------------------------------------------------------------

  function isYamlTab() { return $('ed-tab-yaml').getAttribute('aria-selected') === 'true'; }
  function isFormTab() { return !isYamlTab(); }

  function showTab(name) {
    ['formular', 'yaml'].forEach(function (n) {
      var on = n === name;
      $('ed-tab-' + n).setAttribute('aria-selected', on ? 'true' : 'false');
      $('ed-tab-' + n).tabIndex = on ? 0 : -1;
      $('ed-panel-' + n).hidden = !on;
    });
    if (name === 'yaml') { yamlArea.value = state.yaml; }
  }

  // ---- events ------------------------------------------------------------

  var form = $('ed-formular-rahmen');
  form.addEventListener('input', function (ev) {
    var el = ev.target;
    var pfad = el.getAttribute && el.getAttribute('data-pfad');
    if (!pfad || el.tagName === 'SELECT') { return; }
    queueEdit({ op: 'setzen', pfad: pfad, wert: el.value });
    schedule(250);
  });
  form.addEventListener('change', function (ev) {
    var el = ev.target;
    var pfad = el.getAttribute && el.getAttribute('data-pfad');
    if (!pfad || el.tagName !== 'SELECT') { return; }
    queueEdit({ op: 'setzen', pfad: pfad, wert: el.value });
    schedule(0);
  });
  form.addEventListener('click', function (ev) {
    var b = ev.target.closest && ev.target.closest('button[data-op]');
    if (!b || b.disabled) { return; }
    var op = b.getAttribute('data-op');
    var pfad = b.getAttribute('data-pfad');
    var e = { op: op, pfad: pfad };
    if (op === 'verschieben') {
      e.nach = parseInt(b.getAttribute('data-nach'), 10);
      var base = pfad.replace(/\[\d+\]$/, '');
      var dir = b.getAttribute('aria-label') || '';
      state.focusAfter = null;
      // keep the focus on the same button of the moved item
      var moved = base + '[' + e.nach + ']';
      var sameBtn = Array.prototype.indexOf.call(b.parentNode.children, b);
      state.afterUpdate = function () {
        var item = $(fieldID(moved) + '-eintrag');
        var btns = item && item.querySelector('.aktionen');
        var t = btns && btns.children[sameBtn];
        if (t && !t.disabled) { t.focus(); } else if (item) { (item.querySelector('button:not([disabled])') || item).focus(); }
        status(dir ? dir.replace(/ nach (oben|unten)$/, ' verschoben') : 'Verschoben.');
      };
    } else if (op === 'hinzufuegen') {
      var from = b.getAttribute('data-wert-aus');
      if (from) { e.wert = $(from).value; if (!e.wert) { return; } }
      var list = $(fieldID(pfad));
      var n = list ? list.querySelectorAll(':scope > ol > li').length : 0;
      var added = from ? fieldID(pfad + '.' + e.wert) : (list && list.classList.contains('liste') ? fieldID(pfad + '[' + n + ']') : fieldID(pfad));
      state.focusAfter = function () { return firstField(added); };
      status('Hinzugefügt.');
    } else if (op === 'entfernen') {
      var isItem = /\]$/.test(pfad);
      var holder = isItem ? fieldID(pfad.replace(/\[\d+\]$/, '')) : fieldID(pfad);
      var outer = fieldID(pfad.replace(/(\[\d+\]|\.[^.\[]+)$/, ''));
      // the list's add button, the optional object's add button, or the
      // first field of the object around (a value per Land removed)
      state.focusAfter = function () {
        var h = $(holder);
        if (!h) { return firstField(outer); }
        return h.querySelector(':scope > button.hinzufuegen') || firstField(holder);
      };
      status('Entfernt.');
    }
    queueEdit(e);
    flush().then(function () {
      if (state.afterUpdate) { var f = state.afterUpdate; state.afterUpdate = null; f(); }
    });
  });

  yamlArea.addEventListener('input', function () {
    state.yamlDirty = true;
    schedule(400);
  });

  $('ed-dokument').addEventListener('change', function () {
    state.dokument = this.value;
    schedule(0);
  });

  $('ed-tab-formular').addEventListener('click', function () { showTab('formular'); });
  $('ed-tab-yaml').addEventListener('click', function () { showTab('yaml'); });
  document.querySelector('[role="tablist"]').addEventListener('keydown', function (ev) {
    var keys = { ArrowLeft: 1, ArrowRight: 1, Home: 1, End: 1 };
    if (!keys[ev.key]) { return; }
    ev.preventDefault();
    var next = isYamlTab() ? 'formular' : 'yaml';
    if (ev.key === 'Home') { next = 'formular'; }
    if (ev.key === 'End') { next = 'yaml'; }
    showTab(next);
    $('ed-tab-' + next).focus();
  });

  $('ed-speichern').addEventListener('click', save);
  $('ed-pruefen').addEventListener('click', function () { flush().then(check); });
  $('ed-aenderungen-zeigen').addEventListener('click', changes);
  $('ed-redline').addEventListener('click', redline);
  $('ed-konflikt-neu-laden').addEventListener('click', function () { state.dirty = false; window.location.reload(); });
  $('ed-konflikt-vergleichen').addEventListener('click', function () {
    $('ed-konflikt').close();
    changes().then(function () { $('ed-aenderungen-titel').scrollIntoView(); $('ed-aenderungen-zeigen').focus(); });
  });
  $('ed-konflikt-abbrechen').addEventListener('click', function () { $('ed-konflikt').close(); $('ed-speichern').focus(); });

  document.addEventListener('keydown', function (ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === 's') {
      ev.preventDefault();
      save();
    }
  });
  window.addEventListener('beforeunload', function (ev) {
    if (state.dirty) { ev.preventDefault(); ev.returnValue = ''; }
  });

  // first answer: errors, documents, preview and costs of the file as loaded
  update();
}());
