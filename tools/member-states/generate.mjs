#!/usr/bin/env node
// Generates src/Ecp/Features/Registry/member-states.json: the 193 UN Member States,
// with ISO 3166-1 codes, UN regional group and short names in the six UN official languages.
//
// Inputs (all in this folder):
//   - the npm package `world-countries` (mledoze, ODbL-1.0): codes, UN membership flag, names;
//   - regional-groups.json: hand-written alpha-3 -> UN regional group code, from the UN DGACM
//     list "United Nations Regional Groups of Member States";
//   - name-overrides.json: alpha-3 -> { lang: name }, where the world-countries common name
//     differs noticeably from the UN's short name (or is wrong).
//
// Usage: cd tools/member-states && npm ci && node generate.mjs
// Any inconsistency makes the script print every problem it found and exit with status 1,
// without writing the output file.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const outFile = path.join(repoRoot, 'src', 'Ecp', 'Features', 'Registry', 'member-states.json');

const require = createRequire(import.meta.url);
const countries = require('world-countries/countries.json');
const worldCountriesVersion = require('world-countries/package.json').version;

const readJson = (name) => JSON.parse(readFileSync(path.join(here, name), 'utf8'));
const regionalGroups = readJson('regional-groups.json');
const nameOverrides = readJson('name-overrides.json');

const EXPECTED_MEMBER_COUNT = 193;

const GROUPS = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'western-european-other',
];

// Output language key -> world-countries translation key ('en' comes from name.common).
const LANGUAGES = { ar: 'ara', zh: 'zho', en: null, fr: 'fra', ru: 'rus', es: 'spa' };

// Script each language's names must contain at least one character of.
const SCRIPT = {
  ar: /[\u0600-\u06FF]/u,
  zh: /[\u4E00-\u9FFF]/u,
  en: /[A-Za-z]/u,
  fr: /[A-Za-z]/u,
  ru: /[\u0400-\u04FF]/u,
  es: /[A-Za-z]/u,
};

// Entries that world-countries flags `unMember: true` although they are not UN Member States.
// world-countries 5.1.0 flags Vatican City, but the Holy See is a non-member observer State.
// If upstream fixes a flag, the entry here is reported as stale (a warning, not an error).
const NOT_UN_MEMBERS = {
  VAT: 'Holy See (Vatican City): non-member observer State, wrongly flagged unMember in world-countries',
};

// world-countries' own unRegionalGroup labels, used only as a cross-check of regional-groups.json.
const WORLD_COUNTRIES_GROUP_LABELS = {
  'African Group': 'african',
  'Asia and the Pacific Group': 'asia-pacific',
  'Eastern European Group': 'eastern-european',
  'Latin American and Caribbean Group': 'latin-american-caribbean',
  'Western European and Others Group': 'western-european-other',
};

const errors = [];
const warnings = [];
const fail = (message) => errors.push(message);
const warn = (message) => warnings.push(message);

function clean(value) {
  return typeof value === 'string' ? value.normalize('NFC').trim() : '';
}

// --- UN membership -----------------------------------------------------------------------

const byAlpha3 = new Map(countries.map((c) => [c.cca3, c]));

for (const [code, reason] of Object.entries(NOT_UN_MEMBERS)) {
  const country = byAlpha3.get(code);
  if (!country || country.unMember !== true) {
    warn(`NOT_UN_MEMBERS entry ${code} is stale: world-countries no longer flags it as a UN member (${reason})`);
  }
}

const members = countries.filter((c) => c.unMember === true && !(c.cca3 in NOT_UN_MEMBERS));
const memberCodes = new Set(members.map((c) => c.cca3));

if (members.length !== EXPECTED_MEMBER_COUNT) {
  fail(`expected ${EXPECTED_MEMBER_COUNT} UN Member States in world-countries ${worldCountriesVersion}, found ${members.length}`);
}

// --- regional groups ---------------------------------------------------------------------

for (const [code, group] of Object.entries(regionalGroups)) {
  if (!memberCodes.has(code)) {
    const known = byAlpha3.get(code);
    fail(`regional-groups.json names ${code}${known ? ` (${known.name.common})` : ''}, which is not a UN Member State`);
  }
  if (!GROUPS.includes(group)) {
    fail(`regional-groups.json maps ${code} to unknown group "${group}" (expected one of ${GROUPS.join(', ')})`);
  }
}

for (const country of members) {
  const group = regionalGroups[country.cca3];
  if (group === undefined) {
    fail(`UN Member State ${country.cca3} (${country.name.common}) has no regional group in regional-groups.json`);
    continue;
  }
  const upstream = WORLD_COUNTRIES_GROUP_LABELS[country.unRegionalGroup];
  if (upstream !== group) {
    warn(`${country.cca3} (${country.name.common}): regional-groups.json says ${group}, world-countries says "${country.unRegionalGroup}"`);
  }
}

// --- name overrides ----------------------------------------------------------------------

let noOpOverrides = 0;
for (const [code, names] of Object.entries(nameOverrides)) {
  if (!memberCodes.has(code)) {
    fail(`name-overrides.json names ${code}, which is not a UN Member State`);
    continue;
  }
  if (names === null || typeof names !== 'object' || Array.isArray(names)) {
    fail(`name-overrides.json: ${code} must map to an object { lang: name }`);
    continue;
  }
  for (const [lang, name] of Object.entries(names)) {
    if (!(lang in LANGUAGES)) {
      fail(`name-overrides.json: ${code} has unknown language "${lang}" (expected one of ${Object.keys(LANGUAGES).join(', ')})`);
    } else if (clean(name) === '') {
      fail(`name-overrides.json: ${code}.${lang} is empty`);
    }
  }
}

// --- build the records -------------------------------------------------------------------

const records = [];
for (const country of members) {
  const code = country.cca3;
  const overrides = nameOverrides[code] ?? {};
  const names = {};
  for (const [lang, wcKey] of Object.entries(LANGUAGES)) {
    const source = clean(wcKey === null ? country.name?.common : country.translations?.[wcKey]?.common);
    if (source === '') {
      fail(`${code} (${country.name?.common}): world-countries has no ${wcKey === null ? 'name.common' : `translations.${wcKey}.common`}`);
    }
    const override = clean(overrides[lang]);
    if (override !== '' && override === source) noOpOverrides++;
    const name = override !== '' ? override : source;
    if (name !== '' && !SCRIPT[lang].test(name)) {
      fail(`${code}.${lang} "${name}" is not written in the expected script`);
    }
    names[lang] = name;
  }

  const alpha2 = clean(country.cca2);
  if (!/^[A-Z]{3}$/.test(code)) fail(`${code}: malformed alpha-3 code`);
  if (!/^[A-Z]{2}$/.test(alpha2)) fail(`${code}: malformed alpha-2 code "${alpha2}"`);

  records.push({
    code,
    alpha2,
    regionalGroup: regionalGroups[code],
    names,
  });
}

// No two Member States may share a name in the same language.
for (const lang of Object.keys(LANGUAGES)) {
  const seen = new Map();
  for (const record of records) {
    const name = record.names[lang];
    if (name === '') continue;
    const key = name.toLocaleLowerCase();
    if (seen.has(key)) fail(`duplicate ${lang} name "${name}" for ${seen.get(key)} and ${record.code}`);
    else seen.set(key, record.code);
  }
}

// --- report and write --------------------------------------------------------------------

for (const message of warnings) console.warn(`warning: ${message}`);

if (errors.length > 0) {
  for (const message of errors) console.error(`error: ${message}`);
  console.error(`\n${errors.length} error(s); ${path.relative(repoRoot, outFile)} was not written.`);
  process.exit(1);
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });
records.sort((a, b) => collator.compare(a.names.en, b.names.en) || a.code.localeCompare(b.code));

mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(records, null, 2)}\n`, 'utf8');

const counts = Object.fromEntries(GROUPS.map((g) => [g, 0]));
for (const record of records) counts[record.regionalGroup]++;

console.log(`world-countries ${worldCountriesVersion}: ${records.length} UN Member States`);
console.log(`name overrides: ${Object.keys(nameOverrides).length} states (${noOpOverrides} override(s) equal to the world-countries value)`);
console.log('per regional group:');
for (const group of GROUPS) console.log(`  ${group.padEnd(26)} ${String(counts[group]).padStart(3)}`);
console.log(`  ${'total'.padEnd(26)} ${String(records.length).padStart(3)}`);
console.log(`wrote ${path.relative(repoRoot, outFile)}`);
