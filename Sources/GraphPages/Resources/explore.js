// relgraph explorer: search, cards, path finder, year and kind filters, pan and zoom
// over the graph embedded in this page. Everything from the graph is put in as
// text (textContent, option.value), never as markup; no handler comes from data.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('graph-data').textContent);
  const entities = data.entities, relations = data.relations;
  const svg = document.querySelector('#diagram svg');

  // ---- small helpers ------------------------------------------------------

  /** An element with a class and text (never HTML). */
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /** Folds a name as the command line does (GraphModel.foldName): lower case,
   *  accents removed, `_ - . ' ’` read as spaces, runs of spaces collapsed. */
  function fold(s) {
    const t = String(s).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    let out = '', pending = false;
    for (const ch of t) {
      if (/\s/u.test(ch) || ch === '_' || ch === '-' || ch === '.' || ch === "'" || ch === '\u2019') {
        pending = out.length > 0;
        continue;
      }
      if (pending) { out += ' '; pending = false; }
      out += ch;
    }
    return out;
  }

  // key -> entity indices, for exact lookups
  const exact = new Map();
  entities.forEach((e, i) => {
    for (const k of e.keys) {
      if (!exact.has(k)) exact.set(k, []);
      exact.get(k).push(i);
    }
  });

  /** Entities a query names, as `relgraph` resolves names: an exact id, name or
   *  alias (folded); failing that, names holding every word of the query. */
  function matches(query) {
    const key = fold(query);
    if (!key) return [];
    const byId = entities.findIndex((e) => e.id === query);
    if (byId >= 0) return [byId];
    if (exact.has(key)) return exact.get(key).slice().sort((a, b) => a - b);
    const words = key.split(' ');
    const found = [];
    entities.forEach((e, i) => {
      if (e.keys.some((k) => { const w = new Set(k.split(' ')); return words.every((x) => w.has(x)); })) found.push(i);
    });
    return found;
  }

  /** Suggestions while typing: names that start with, then contain, the query. */
  function suggestions(query, limit) {
    const key = fold(query);
    if (!key) return [];
    const scored = [];
    entities.forEach((e, i) => {
      let best = Infinity;
      for (const k of e.keys) {
        if (k === key) best = Math.min(best, 0);
        else if (k.startsWith(key)) best = Math.min(best, 1);
        else if (k.split(' ').some((w) => w.startsWith(key))) best = Math.min(best, 2);
        else if (k.includes(key)) best = Math.min(best, 3);
      }
      if (best < Infinity) scored.push([best, e.name, i]);
    });
    scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    return scored.slice(0, limit).map((s) => s[2]);
  }

  // ---- the diagram: elements by entity and relation -----------------------

  const nodeEls = new Map(), edgeEls = new Map();
  if (svg) {
    svg.querySelectorAll('g[data-entity]').forEach((g) => {
      const i = entities.findIndex((e) => e.id === g.getAttribute('data-entity'));
      if (i >= 0) nodeEls.set(i, g);
    });
    svg.querySelectorAll('g[data-relation]').forEach((g) => edgeEls.set(Number(g.getAttribute('data-relation')), g));
  }

  // ---- the overview of a big graph: one node per group ----------------------
  // data.groups[k] has number k + 1 (1 = the largest, as `render --community N`);
  // its node is g[data-group="k + 1"], the line between groups a < b g[data-link="a-b"].

  const groups = data.groups || [];
  const groupWord = data.grouping === 'component' ? 'component' : 'community';
  const groupOf = new Array(entities.length).fill(-1);
  groups.forEach((g, k) => { for (const i of g.members) groupOf[i] = k; });
  const linksOf = new Map();
  for (const [a, b, ties] of data.links || []) {
    for (const [x, y] of [[a, b], [b, a]]) {
      if (!linksOf.has(x)) linksOf.set(x, []);
      linksOf.get(x).push([y, ties]);
    }
  }
  for (const list of linksOf.values()) list.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
  const groupEls = new Map(), linkEls = new Map();
  if (svg) {
    svg.querySelectorAll('g[data-group]').forEach((g) => groupEls.set(Number(g.getAttribute('data-group')), g));
    svg.querySelectorAll('g[data-link]').forEach((g) => linkEls.set(g.getAttribute('data-link'), g));
  }
  /** How many members a group card lists (the most tied first); search finds the rest. */
  const memberLimit = 1000;

  // ---- what is shown: year, kinds -----------------------------------------

  const hiddenEntityKinds = new Set(), hiddenRelationKinds = new Set();
  let year = null, datedOnly = false;

  /** Whether a tie held in the year set (`--at YEAR` semantics). */
  function holdsInYear(r) {
    if (year === null) return true;
    if (!r.dated) return !datedOnly;
    const first = year * 10000 + 101, last = year * 10000 + 1231;
    const rf = r.first === null || r.first === undefined ? -Infinity : r.first;
    const rl = r.last === null || r.last === undefined ? Infinity : r.last;
    return rf <= last && first <= rl;
  }
  function entityShown(i) { return !hiddenEntityKinds.has(entities[i].kind); }
  function relationShown(j) {
    const r = relations[j];
    return holdsInYear(r) && !hiddenRelationKinds.has(r.kind) && entityShown(r.from) && entityShown(r.to);
  }

  function applyFilters() {
    let shown = 0;
    relations.forEach((r, j) => {
      const on = relationShown(j);
      if (on) shown++;
      const g = edgeEls.get(j);
      if (g) g.classList.toggle('filtered', !on);
    });
    entities.forEach((e, i) => {
      const g = nodeEls.get(i);
      if (g) g.classList.toggle('filtered', !entityShown(i));
    });
    const status = document.getElementById('year-status');
    status.textContent = year === null ? '' : shown + ' of ' + relations.length + ' ties held in ' + year +
      (datedOnly ? ' (undated ties hidden)' : ' (undated ties kept)');
  }

  // ---- cards ----------------------------------------------------------------

  const panel = document.getElementById('panel');

  function sourceNode(r) {
    if (!r.source) return null;
    const p = el('span', 'source');
    p.append('[');
    if (r.sourceURL) {
      const a = el('a', null, r.source);
      a.href = r.sourceURL; // http(s) only: checked when the page was written
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      p.append(a);
    } else {
      p.append(r.source);
    }
    p.append(']');
    return p;
  }

  /** Text that acts as a link (a span, so that it wraps as text does). */
  function action(className, text, onClick) {
    const s = el('span', 'link ' + className, text);
    s.setAttribute('role', 'button');
    s.tabIndex = 0;
    s.addEventListener('click', onClick);
    s.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onClick(); } });
    return s;
  }

  function entityButton(i) { return action('entity', entities[i].name, () => select(i)); }

  function groupTitle(k) {
    const g = groups[k];
    return groupWord + ' ' + g.number + ': ' + entities[g.lead].name +
      (g.members.length > 1 ? ' and ' + (g.members.length - 1) + ' more' : '');
  }
  function groupButton(k) { return action('group', groupTitle(k), () => selectGroup(k)); }

  /** A group's card: its size, its ties to other groups, its members (each opens its card). */
  function showGroup(k) {
    const g = groups[k];
    panel.replaceChildren();
    panel.append(el('h2', 'card-title', groupWord.charAt(0).toUpperCase() + groupWord.slice(1) + ' ' + g.number +
      ': ' + entities[g.lead].name));
    const meta = el('p', 'meta');
    meta.append(el('span', 'kind', groupWord), ' · ' + g.members.length + (g.members.length === 1 ? ' entity' : ' entities') +
      ' · ' + g.internalTies + (g.internalTies === 1 ? ' tie' : ' ties') + ' inside');
    if (!g.drawn) meta.append(' · not drawn (smaller than the groups shown)');
    panel.append(meta);
    const links = linksOf.get(g.number) || [];
    panel.append(el('h3', null, links.length ? 'Ties to ' + links.length + ' other ' + (links.length === 1 ? 'group' : 'groups') : 'No ties to other groups'));
    if (links.length) {
      const ul = el('ul', 'ties group-links');
      for (const [other, ties] of links) {
        const li = el('li', null, ties + (ties === 1 ? ' tie with ' : ' ties with '));
        li.dataset.group = String(other);
        li.append(groupButton(other - 1));
        ul.append(li);
      }
      panel.append(ul);
    }
    panel.append(el('h3', null, g.members.length + (g.members.length === 1 ? ' member' : ' members, the most tied first')));
    const ul = el('ul', 'ties members');
    for (const i of g.members.slice(0, memberLimit)) {
      const li = el('li');
      li.dataset.entity = entities[i].id;
      li.append(entityButton(i));
      ul.append(li);
    }
    panel.append(ul);
    if (g.members.length > memberLimit) {
      panel.append(el('p', 'hint', 'and ' + (g.members.length - memberLimit) + ' more: search finds every one.'));
    }
  }

  /** The card of the line between two groups (numbers a < b). */
  function showLink(key) {
    const [a, b] = key.split('-').map(Number);
    const ties = ((linksOf.get(a) || []).find((x) => x[0] === b) || [b, 0])[1];
    panel.replaceChildren();
    panel.append(el('h2', 'card-title', ties + (ties === 1 ? ' tie' : ' ties') + ' between two ' + (groupWord === 'community' ? 'communities' : 'components')));
    const ends = el('p', 'ends');
    ends.append(groupButton(a - 1), ' · ', groupButton(b - 1));
    panel.append(ends);
    markSelected(null, null);
    if (linkEls.has(key)) linkEls.get(key).classList.add('selected');
  }

  function selectGroup(k) {
    showGroup(k);
    markSelected(null, null);
    const g = groupEls.get(groups[k].number);
    if (g) { g.classList.add('selected'); centerOnElement(g); }
  }

  function dates(e) {
    if (e.start && e.end) return e.start + ' – ' + e.end;
    if (e.start) return 'from ' + e.start;
    if (e.end) return 'until ' + e.end;
    return null;
  }

  function showEntity(i) {
    const e = entities[i];
    panel.replaceChildren();
    panel.append(el('h2', 'card-title', e.name));
    const meta = el('p', 'meta');
    meta.append(el('span', 'kind', e.kind));
    const d = dates(e);
    if (d) meta.append(' · ', el('span', 'dates', d));
    meta.append(' · ', el('code', null, e.id));
    panel.append(meta);
    if (e.aliases.length) panel.append(el('p', 'aliases', 'Also: ' + e.aliases.join(', ')));
    if (e.description) panel.append(el('p', 'description', e.description));
    if (groupOf[i] >= 0) {
      const p = el('p', 'group-of', 'In ');
      p.append(groupButton(groupOf[i]));
      panel.append(p);
    }
    const ties = [];
    relations.forEach((r, j) => { if (r.from === i || r.to === i) ties.push(j); });
    panel.append(el('h3', null, ties.length + (ties.length === 1 ? ' tie' : ' ties')));
    const list = el('ul', 'ties');
    for (const j of ties) {
      const r = relations[j];
      const li = el('li', relationShown(j) ? null : 'muted');
      li.dataset.relation = String(j);
      li.append(action('claim', r.from === i ? r.claimFrom : r.claimTo, () => showRelation(j)));
      if (r.date) li.append(' ', el('span', 'date', '(' + r.date + ')'));
      if (r.evidence) li.append(el('span', 'evidence', ' — ' + r.evidence));
      const s = sourceNode(r);
      if (s) li.append(' ', s);
      const other = r.from === i ? r.to : r.from;
      if (other !== i) {
        li.append(' ', action('go', '\u2192 ' + entities[other].name, () => select(other)));
      }
      list.append(li);
    }
    panel.append(list);
  }

  function showRelation(j) {
    const r = relations[j];
    panel.replaceChildren();
    panel.append(el('h2', 'card-title', r.claimFrom));
    const meta = el('p', 'meta');
    meta.append(el('span', 'kind', r.kind));
    if (r.date) meta.append(' · ', el('span', 'dates', r.date));
    panel.append(meta);
    panel.append(el('p', 'evidence', r.evidence ? r.evidence : 'No evidence recorded.'));
    const s = sourceNode(r);
    if (s) { const p = el('p'); p.append(s); panel.append(p); }
    const ends = el('p', 'ends');
    ends.append(entityButton(r.from), ' · ', entityButton(r.to));
    panel.append(ends);
    markSelected(null, j);
  }

  function markSelected(i, j) {
    if (!svg) return;
    svg.querySelectorAll('.selected').forEach((g) => g.classList.remove('selected'));
    if (i !== null && nodeEls.has(i)) nodeEls.get(i).classList.add('selected');
    if (j !== null && edgeEls.has(j)) edgeEls.get(j).classList.add('selected');
    // In the overview, an entity's group stands for it.
    if (i !== null && groupOf[i] >= 0 && groupEls.has(groups[groupOf[i]].number)) {
      groupEls.get(groups[groupOf[i]].number).classList.add('selected');
    }
  }

  function select(i) {
    showEntity(i);
    markSelected(i, null);
    centerOn(i);
  }

  // ---- search -----------------------------------------------------------------

  const search = document.getElementById('search');
  const suggestionList = document.getElementById('suggestions');

  function showSuggestions(list) {
    suggestionList.replaceChildren();
    for (const i of list) {
      const li = el('li', null);
      li.setAttribute('role', 'option');
      const b = el('button', 'suggestion', entities[i].name);
      b.type = 'button';
      b.append(el('span', 'kind', ' ' + entities[i].kind));
      b.addEventListener('click', () => { pick(i); });
      li.append(b);
      suggestionList.append(li);
    }
    suggestionList.hidden = list.length === 0;
  }

  function pick(i) {
    search.value = entities[i].name;
    suggestionList.hidden = true;
    select(i);
  }

  search.addEventListener('input', () => showSuggestions(suggestions(search.value, 8)));
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') { suggestionList.hidden = true; return; }
    if (ev.key === 'ArrowDown' && !suggestionList.hidden) {
      ev.preventDefault();
      const first = suggestionList.querySelector('button');
      if (first) first.focus();
      return;
    }
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    const found = matches(search.value);
    if (found.length === 1) { pick(found[0]); return; }
    if (found.length > 1) {
      panel.replaceChildren(el('p', 'hint', '\u201c' + search.value + '\u201d could be:'));
      const ul = el('ul', 'ties');
      for (const i of found) { const li = el('li'); li.append(entityButton(i)); ul.append(li); }
      panel.append(ul);
      suggestionList.hidden = true;
      return;
    }
    const near = suggestions(search.value, 8);
    panel.replaceChildren(el('p', 'hint', 'No entity is called \u201c' + search.value + '\u201d.'));
    showSuggestions(near);
  });
  document.addEventListener('click', (ev) => {
    if (!suggestionList.contains(ev.target) && ev.target !== search) suggestionList.hidden = true;
  });
  suggestionList.addEventListener('keydown', (ev) => {
    const buttons = Array.from(suggestionList.querySelectorAll('button'));
    const at = buttons.indexOf(document.activeElement);
    if (ev.key === 'ArrowDown' && at + 1 < buttons.length) buttons[at + 1].focus();
    else if (ev.key === 'ArrowUp') (at > 0 ? buttons[at - 1] : search).focus();
    else if (ev.key === 'Escape') { suggestionList.hidden = true; search.focus(); }
    else return;
    ev.preventDefault();
  });

  const names = document.getElementById('names');
  entities.forEach((e) => { const o = document.createElement('option'); o.value = e.name; names.append(o); });

  // ---- path finder ---------------------------------------------------------------

  const pathResult = document.getElementById('path-result');

  function resolve(text, what) {
    const found = matches(text);
    if (found.length === 1) return found[0];
    if (found.length > 1) throw new Error('\u201c' + text + '\u201d is ambiguous: ' + found.map((i) => entities[i].name).join(', '));
    throw new Error('no entity is called \u201c' + text + '\u201d (' + what + ')');
  }

  /** The fewest-hop path over the ties shown, both ways, by bidirectional
   *  breadth-first search exactly as `relgraph path` runs it (GraphAlgorithms'
   *  ShortestPaths.bidirectional): neighbours scanned by id, then relation index;
   *  each round grows the side with fewer arcs to scan; the first meeting wins.
   *  Avoided entities are never entered. O(V + E). */
  function shortestPath(s, t, avoid, kinds) {
    const adj = entities.map(() => []);
    relations.forEach((r, j) => {
      if (!relationShown(j) || (kinds.size && !kinds.has(r.kind))) return;
      adj[r.from].push([r.to, j]);
      adj[r.to].push([r.from, j]);
    });
    const byId = (a, b) => (entities[a[0]].id < entities[b[0]].id ? -1 : entities[a[0]].id > entities[b[0]].id ? 1 : a[1] - b[1]);
    for (const list of adj) list.sort(byId);
    if (s === t) return [];
    const allowed = (v) => v === s || v === t || !avoid.has(v);
    const predF = new Map([[s, null]]), predB = new Map([[t, null]]);
    let frontF = [s], frontB = [t], meet = -1;
    while (frontF.length && frontB.length && meet < 0) {
      let workF = 0, workB = 0;
      for (const u of frontF) workF += adj[u].length;
      for (const u of frontB) workB += adj[u].length;
      const forwardSide = workF <= workB;
      const front = forwardSide ? frontF : frontB, mine = forwardSide ? predF : predB, other = forwardSide ? predB : predF;
      const next = [];
      scan: for (const u of front) {
        for (const [v, j] of adj[u]) {
          if (mine.has(v) || !allowed(v)) continue;
          mine.set(v, [u, j]);
          if (other.has(v)) { meet = v; break scan; }
          next.push(v);
        }
      }
      if (forwardSide) frontF = next; else frontB = next;
    }
    if (meet < 0) return null;
    const hops = [];
    for (let v = meet; v !== s; v = predF.get(v)[0]) hops.unshift({ from: predF.get(v)[0], to: v, relation: predF.get(v)[1] });
    for (let v = meet; v !== t; v = predB.get(v)[0]) hops.push({ from: v, to: predB.get(v)[0], relation: predB.get(v)[1] });
    for (const h of hops) h.forward = relations[h.relation].from === h.from;
    return hops;
  }

  function clearPath() {
    pathResult.replaceChildren();
    if (svg) {
      svg.classList.remove('has-path');
      svg.querySelectorAll('.on-path').forEach((g) => g.classList.remove('on-path'));
    }
  }

  function findPath() {
    clearPath();
    let s, t;
    const avoid = new Set(), kinds = new Set();
    try {
      s = resolve(document.getElementById('path-from').value, 'from');
      t = resolve(document.getElementById('path-to').value, 'to');
      for (const name of document.getElementById('path-avoid').value.split(',')) {
        if (name.trim()) avoid.add(resolve(name.trim(), 'avoid'));
      }
      for (const kind of document.getElementById('path-kinds').value.split(',')) {
        const k = kind.trim();
        if (!k) continue;
        if (!data.relationKinds.some((x) => x.name === k)) {
          throw new Error('\u201c' + k + '\u201d is not a relation kind of this graph; known: ' + data.relationKinds.map((x) => x.name).join(', '));
        }
        kinds.add(k);
      }
    } catch (err) {
      pathResult.append(el('p', 'error', err.message));
      return;
    }
    if (avoid.has(s) || avoid.has(t)) {
      pathResult.append(el('p', 'error', 'An end of the path cannot be avoided.'));
      return;
    }
    const hops = s === t ? [] : shortestPath(s, t, avoid, kinds);
    if (hops === null) {
      pathResult.append(el('p', 'error', 'No path from ' + entities[s].name + ' to ' + entities[t].name + ' over the ties shown.'));
      return;
    }
    const chain = [entities[s].name].concat(hops.map((h) => entities[h.to].name)).join(' \u2192 ');
    pathResult.append(el('p', 'chain', chain + '  (' + hops.length + (hops.length === 1 ? ' hop)' : ' hops)')));
    const ol = el('ol', 'hops');
    for (const h of hops) {
      const r = relations[h.relation];
      const li = el('li', null, h.forward ? r.sentenceFrom : r.sentenceTo);
      li.dataset.relation = String(h.relation);
      ol.append(li);
    }
    pathResult.append(ol);
    if (svg) {
      svg.classList.add('has-path');
      const onPath = [s].concat(hops.map((h) => h.to));
      for (const i of onPath) if (nodeEls.has(i)) nodeEls.get(i).classList.add('on-path');
      for (const h of hops) if (edgeEls.has(h.relation)) edgeEls.get(h.relation).classList.add('on-path');
    }
    if (groups.length) {
      // The groups the path crosses, in order, and the lines between them.
      const crossed = [];
      for (const i of [s].concat(hops.map((h) => h.to))) {
        const k = groupOf[i];
        if (k >= 0 && crossed[crossed.length - 1] !== k) crossed.push(k);
      }
      const p = el('p', 'groups-crossed', crossed.length === 1 ? 'Within ' : 'Crosses ');
      crossed.forEach((k, n) => { if (n) p.append(' \u2192 '); p.append(groupButton(k)); });
      pathResult.append(p);
      if (svg) {
        svg.classList.add('has-path');
        crossed.forEach((k, n) => {
          const g = groupEls.get(groups[k].number);
          if (g) g.classList.add('on-path');
          if (n) {
            const a = Math.min(groups[k].number, groups[crossed[n - 1]].number), b = Math.max(groups[k].number, groups[crossed[n - 1]].number);
            if (linkEls.has(a + '-' + b)) linkEls.get(a + '-' + b).classList.add('on-path');
          }
        });
      }
    }
  }

  document.getElementById('path-go').addEventListener('click', findPath);
  document.getElementById('path-clear').addEventListener('click', clearPath);
  for (const id of ['path-from', 'path-to', 'path-avoid', 'path-kinds']) {
    document.getElementById(id).addEventListener('keydown', (ev) => { if (ev.key === 'Enter') findPath(); });
  }

  // ---- year ------------------------------------------------------------------

  const yearInput = document.getElementById('year'), yearRange = document.getElementById('year-range');
  if (data.firstYear !== undefined && data.firstYear !== null) {
    yearRange.min = yearInput.min = String(data.firstYear);
    yearRange.max = yearInput.max = String(data.lastYear);
    yearRange.value = String(data.lastYear);
  } else {
    yearRange.disabled = true;
  }
  function setYear(text) {
    const y = parseInt(text, 10);
    year = Number.isFinite(y) ? y : null;
    yearInput.value = year === null ? '' : String(year);
    if (year !== null) yearRange.value = String(year);
    applyFilters();
  }
  yearInput.addEventListener('input', () => setYear(yearInput.value));
  yearInput.addEventListener('change', () => setYear(yearInput.value));
  yearRange.addEventListener('input', () => setYear(yearRange.value));
  document.getElementById('year-all').addEventListener('click', () => setYear(''));
  document.getElementById('dated-only').addEventListener('change', (ev) => { datedOnly = ev.target.checked; applyFilters(); });

  // ---- kinds: filters with counts, and the legend ----------------------------

  function kindList(listId, kinds, hidden, swatch) {
    const ul = document.getElementById(listId);
    for (const k of kinds) {
      const li = el('li');
      const label = el('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.addEventListener('change', () => {
        if (box.checked) hidden.delete(k.name); else hidden.add(k.name);
        applyFilters();
      });
      label.append(box, swatch(k), el('span', 'kind-name', k.name), el('span', 'count', String(k.count)));
      li.append(label);
      ul.append(li);
    }
  }
  kindList('entity-kinds', data.entityKinds, hiddenEntityKinds, (k) => {
    const s = el('span', 'swatch');
    s.style.background = k.color;
    return s;
  });
  kindList('relation-kinds', data.relationKinds, hiddenRelationKinds, (k) => {
    const s = el('span', 'line');
    s.style.borderTopColor = k.color;
    s.style.borderTopStyle = k.style === 'dashed' || k.style === 'dotted' ? k.style : 'solid';
    if (k.style === 'bold') s.style.borderTopWidth = '3px';
    return s;
  });

  // ---- pan and zoom ----------------------------------------------------------

  const box = document.getElementById('diagram');
  let view = null, home = null;
  function setView(v) {
    view = v;
    svg.setAttribute('viewBox', v.x + ' ' + v.y + ' ' + v.w + ' ' + v.h);
  }
  function zoom(factor, cx, cy) {
    if (!view) return;
    const w = Math.min(Math.max(view.w / factor, home.w / 40), home.w * 4);
    const f = w / view.w, h = view.h * f;
    const px = cx === undefined ? view.x + view.w / 2 : cx, py = cy === undefined ? view.y + view.h / 2 : cy;
    setView({ x: px - (px - view.x) * f, y: py - (py - view.y) * f, w: w, h: h });
  }
  function pan(dx, dy) { if (view) setView({ x: view.x + dx, y: view.y + dy, w: view.w, h: view.h }); }
  function fit() { if (home) setView(Object.assign({}, home)); }
  /** The diagram point under a client (screen) position. */
  function toDiagram(clientX, clientY) {
    const r = svg.getBoundingClientRect();
    const scale = Math.max(view.w / r.width, view.h / r.height);
    const ox = (r.width * scale - view.w) / 2, oy = (r.height * scale - view.h) / 2;
    return { x: view.x - ox + (clientX - r.left) * scale, y: view.y - oy + (clientY - r.top) * scale, scale: scale };
  }
  function centerOn(i) {
    if (nodeEls.has(i)) centerOnElement(nodeEls.get(i));
    else if (groupOf[i] >= 0 && groupEls.has(groups[groupOf[i]].number)) centerOnElement(groupEls.get(groups[groupOf[i]].number));
  }
  function centerOnElement(element) {
    if (!svg || !view) return;
    const b = element.getBBox();
    const g = svg.querySelector('g.graph');
    const m = g && g.transform.baseVal.consolidate() ? g.transform.baseVal.consolidate().matrix : null;
    const cx = b.x + b.width / 2 + (m ? m.e : 0), cy = b.y + b.height / 2 + (m ? m.f : 0);
    setView({ x: cx - view.w / 2, y: cy - view.h / 2, w: view.w, h: view.h });
  }

  if (svg) {
    const vb = svg.viewBox.baseVal;
    home = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    setView(Object.assign({}, home));
    svg.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const p = toDiagram(ev.clientX, ev.clientY);
      zoom(ev.deltaY < 0 ? 1.2 : 1 / 1.2, p.x, p.y);
    }, { passive: false });
    let drag = null, moved = false;
    svg.addEventListener('pointerdown', (ev) => {
      drag = { x: ev.clientX, y: ev.clientY };
      moved = false;
    });
    svg.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!moved) { moved = true; svg.setPointerCapture(ev.pointerId); svg.classList.add('dragging'); }
      const scale = toDiagram(0, 0).scale;
      pan(-dx * scale, -dy * scale);
      drag = { x: ev.clientX, y: ev.clientY };
    });
    const endDrag = () => { drag = null; svg.classList.remove('dragging'); };
    svg.addEventListener('pointerup', endDrag);
    svg.addEventListener('pointercancel', endDrag);
    svg.addEventListener('click', (ev) => {
      if (moved) { moved = false; return; }
      const node = ev.target.closest('g[data-entity]');
      if (node) {
        const i = entities.findIndex((e) => e.id === node.getAttribute('data-entity'));
        if (i >= 0) { showEntity(i); markSelected(i, null); }
        return;
      }
      const edge = ev.target.closest('g[data-relation]');
      if (edge) { showRelation(Number(edge.getAttribute('data-relation'))); return; }
      const group = ev.target.closest('g[data-group]');
      if (group) {
        const k = Number(group.getAttribute('data-group')) - 1;
        if (k >= 0 && k < groups.length) { showGroup(k); markSelected(null, null); group.classList.add('selected'); }
        return;
      }
      const link = ev.target.closest('g[data-link]');
      if (link) showLink(link.getAttribute('data-link'));
    });
    document.getElementById('zoom-in').addEventListener('click', () => zoom(1.25));
    document.getElementById('zoom-out').addEventListener('click', () => zoom(1 / 1.25));
    document.getElementById('zoom-fit').addEventListener('click', fit);
    box.addEventListener('keydown', (ev) => {
      const step = view ? view.w / 10 : 0;
      switch (ev.key) {
        case '+': case '=': zoom(1.25); break;
        case '-': case '_': zoom(1 / 1.25); break;
        case '0': fit(); break;
        case 'ArrowLeft': pan(-step, 0); break;
        case 'ArrowRight': pan(step, 0); break;
        case 'ArrowUp': pan(0, -step); break;
        case 'ArrowDown': pan(0, step); break;
        default: return;
      }
      ev.preventDefault();
    });
  } else {
    for (const id of ['zoom-in', 'zoom-out', 'zoom-fit']) document.getElementById(id).disabled = true;
  }

  applyFilters();
})();
