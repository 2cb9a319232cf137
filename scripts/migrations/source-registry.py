#!/usr/bin/env python3
"""One-off migration (issue 10): free-text `source` values of seeds/*.yaml -> ids of seeds/sources.yaml.

Copies on look-alike or scraper domains are replaced by the originals that ../shared/domain-facts.md
gives (2026-11-30). Kept in the repository as the record of what was moved; not run by the loader.
"""
import re, sys, glob, collections, yaml

RETRIEVED = '2026-11-29'  # when the facts were taken into the seeds (first seed commit)

# copy address -> (original address, locator or None)
COPIES = {
  'https://profilbaru.com/de/BundID': ('https://de.wikipedia.org/wiki/BundID', None),
  'https://dnhewrhegkli.shop/wiki/Bund-L%C3%A4nder-Verbindungsnetz': ('https://de.wikipedia.org/wiki/Bund-L%C3%A4nder-Verbindungsnetz', None),
  'https://wikipedia.k8s.renker.it/content/wikipedia_de_all_maxi/Bund-L%C3%A4nder-Verbindungsnetz': ('https://de.wikipedia.org/wiki/Bund-L%C3%A4nder-Verbindungsnetz', None),
  'https://dnhewrhegkli.shop/wiki/Netze_des_Bundes': ('https://de.wikipedia.org/wiki/Netze_des_Bundes', None),
  'https://dnhewrhegkli.shop/wiki/X%C3%96V': ('https://de.wikipedia.org/wiki/X%C3%96V', None),
  'https://heise-de.review.software-moling.com/-11225804': ('https://www.heise.de/-11225804', None),
  'https://r.udger.shop/en/background/Deutschland-Stack-Sovereign-administration-with-over-50-open-standards-11225804.html?seite=2': ('https://www.heise.de/-11225804', 'page 2'),
  'https://r.udger.shop/en/background/Deutschland-Stack-Sovereign-administration-with-over-50-open-standards-11225804.html?seite=3': ('https://www.heise.de/-11225804', 'page 3'),
  'https://kelaenderkoe.pages.dev/Function-https-d-64.org/dstack': ('https://d-64.org/dstack', None),
  'https://sg.kele.xyz/shift/d-stack-notes/blob/main/DEUTSCHLAND-STACK.md': ('https://github.com/shift/d-stack-notes/blob/main/DEUTSCHLAND-STACK.md', None),
  'https://9dok.net/document/yevx1me7-spezifikation-zu-xpersonenstand-in-der-version.html': ('https://www1.osci.de/standards/xpersonenstand-3220', None),
  # The unnamed "XÖV wiki mirror" of domain-facts §6 is the XÖV article whose copy (dnhewrhegkli.shop) is cited elsewhere.
  'XÖV wiki mirror (cited in domain-facts.md section 6': ('https://de.wikipedia.org/wiki/X%C3%96V', None),
}
# Copies whose fact is also cited from an original in the same entry: dropped.
DROP = {
  'https://www.europesays.com/uk/486756', 'https://mastodawn.com/post/116276887109545449',
  'https://aicrier.com/post/ocrritwnmde2wmatdxe6', 'https://www.eumonitor.eu/9353000/1/j4nvhdfcs8bljza_j9vvik7m1c3gyxp/vly5jg1hcaw9',
  'address not recorded)', 'repository not shown)',
}
EUROSTACK_BLOG = 'https://unifiedguru.com/eurostack-europes-path-to-digital-independence'
INTERNAL = {
  'domain-facts.md section 7.2 (inference)': ('section 7.2 (inference)'),
  'domain-facts.md section 6 (not looked up)': ('section 6 (not looked up)'),
  "domain-facts.md section 7.2, 'Sources for the S marks' (search result, address not recorded)": ("section 7.2, sources of the S marks: unnamed search result"),
  'domain-facts.md section 7.2, general pattern [I]': ('section 7.2, general pattern [I]'),
  'domain-facts.md section 7.2, service #4 (inference)': ('section 7.2, service #4 (inference)'),
  'XSD header in public code (search result cited in domain-facts.md section 6': ('section 6: XSD header in public code, repository not recorded'),
}

# original address -> id, publisher, title, kind, language, extra
R = {}
def reg(url, id, publisher, title, kind, lang='de', **extra):
    R[url] = dict(id=id, url=url, publisher=publisher, title=title, kind=kind, language=lang, **extra)

reg('https://de.wikipedia.org/wiki/BundID', 'wikipedia-de-bundid', 'Wikipedia (de)', 'BundID', 'secondary')
reg('https://de.wikipedia.org/wiki/Bund-L%C3%A4nder-Verbindungsnetz', 'wikipedia-de-bund-laender-verbindungsnetz', 'Wikipedia (de)', 'Bund-Länder-Verbindungsnetz', 'secondary')
reg('https://de.wikipedia.org/wiki/Netze_des_Bundes', 'wikipedia-de-netze-des-bundes', 'Wikipedia (de)', 'Netze des Bundes', 'secondary')
reg('https://de.wikipedia.org/wiki/X%C3%96V', 'wikipedia-de-xoev', 'Wikipedia (de)', 'XÖV', 'secondary')
reg('https://de.wikipedia.org/wiki/EPayBL', 'wikipedia-de-epaybl', 'Wikipedia (de)', 'ePayBL', 'secondary')
reg('https://www.heise.de/-11225804', 'heise-11225804', 'heise online', 'Deutschland-Stack: Souveräne Verwaltung mit über 50 offenen Standards', 'press', note='English edition: https://www.heise.de/en/background/Deutschland-Stack-Sovereign-administration-with-over-50-open-standards-11225804.html (pages via ?seite=2, ?seite=3)')
reg('https://d-64.org/dstack', 'd64-dstack', 'D64 – Zentrum für Digitalen Fortschritt', 'Deutschland-Stack', 'secondary')
reg('https://github.com/shift/d-stack-notes/blob/main/DEUTSCHLAND-STACK.md', 'shift-d-stack-notes', 'shift (GitHub user)', 'DEUTSCHLAND-STACK.md (community notes)', 'secondary', 'en')
reg('https://www1.osci.de/standards/xpersonenstand-3220', 'kosit-xpersonenstand', 'Koordinierungsstelle für IT-Standards (KoSIT)', 'XPersonenstand', 'standards-body')
reg('https://www.bertelsmann-stiftung.de/en/our-projects/reframetech-algorithmen-fuers-gemeinwohl/project-news/eurostack-a-european-alternative-for-digital-sovereignty', 'bertelsmann-eurostack', 'Bertelsmann Stiftung', 'EuroStack – a European alternative for digital sovereignty', 'official', 'en')
reg('https://www.gesetze-im-internet.de/gg/präambel.html', 'gg-praeambel', 'Bundesministerium der Justiz / juris', 'Grundgesetz, Präambel', 'law')
reg('https://www.gesetze-im-internet.de/ozg_3abs2s2v/__1.html', 'ozg-3abs2s2v-1', 'Bundesministerium der Justiz / juris', 'Verordnung nach § 3 Abs. 2 Satz 2 OZG, § 1', 'law')
reg('https://www.gesetze-im-internet.de/ozsv/__1.html', 'ozsv-1', 'Bundesministerium der Justiz / juris', 'OZG-Standardisierungsverordnung (OZSV), § 1', 'law')
reg('https://eur-lex.europa.eu/legal-content/AUTO/?uri=CELEX:32024R0903', 'eurlex-2024-903', 'Publications Office of the European Union (EUR-Lex)', 'Regulation (EU) 2024/903 (Interoperable Europe Act)', 'law', 'en')

DOMAIN = {  # domain -> (publisher, kind, language)
  'enss.wikidot.com': ('ENSS wiki (wikidot)', 'secondary', 'en'),
  'kreis-steinfurt.de': ('Kreis Steinfurt', 'official', 'de'),
  'crn.de': ('CRN Deutschland', 'press', 'de'),
  'it-planungsrat.de': ('IT-Planungsrat', 'official', 'de'),
  'a24salescloud.de': ('a24 Salescloud', 'vendor', 'de'),
  'bmi.usercontent.opencode.de': ('Bundesministerium des Innern (OpenCoDE)', 'official', 'de'),
  'bsi.bund.de': ('Bundesamt für Sicherheit in der Informationstechnik', 'official', 'de'),
  'bva.bund.de': ('Bundesverwaltungsamt', 'official', 'de'),
  'cartool-ec.github.io': ('European Commission cartography tool (GitHub Pages)', 'secondary', 'en'),
  'cio.bund.de': ('Beauftragter der Bundesregierung für Informationstechnik', 'official', 'de'),
  'd-stack-home-719768.usercontent.opencode.de': ('BMDS (D-Stack pages on OpenCoDE)', 'official', 'de'),
  'dachs-it.de': ('DACHS IT', 'secondary', 'de'),
  'dataport.de': ('Dataport', 'operator', 'de'),
  'deutsche-verwaltungscloud.de': ('Deutsche Verwaltungscloud (FITKO)', 'official', 'de'),
  'deutschland-stack.gov.de': ('Bundesministerium für Digitales und Staatsmodernisierung', 'official', 'de'),
  'difgl.de': ('difgl', 'secondary', 'de'),
  'digitale-baugenehmigung.de': ('Digitale Baugenehmigung (EfA, Mecklenburg-Vorpommern)', 'operator', 'de'),
  'docs.efast.digital': ('efast', 'vendor', 'de'),
  'docs.fitko.de': ('FITKO', 'official', 'de'),
  'docs.opendesk-docs.stackit.run': ('openDesk documentation', 'vendor', 'en'),
  'docs.osi.dataport.de': ('Dataport (OSI documentation)', 'operator', 'de'),
  'fimportal.de': ('FIM-Portal (FITKO)', 'official', 'de'),
  'fitko.de': ('FITKO', 'official', 'de'),
  'gisa.de': ('GISA', 'vendor', 'de'),
  'git.fitko.de': ('FITKO (Git)', 'official', 'de'),
  'github.com': ('GitHub repository', 'dataset', 'en'),
  'gitlab.opencode.de': ('OpenCoDE (D-Stack consultation)', 'official', 'de'),
  'governikus.de': ('Governikus', 'vendor', 'de'),
  'govstack.global': ('GovStack', 'standards-body', 'en'),
  'hghahn.de': ('hghahn.de', 'secondary', 'de'),
  'idar-oberstein.de': ('Stadt Idar-Oberstein', 'official', 'de'),
  'info.mein-unternehmenskonto.de': ('Mein Unternehmenskonto (BayLfSt)', 'operator', 'de'),
  'mein-unternehmenskonto.de': ('Mein Unternehmenskonto (BayLfSt)', 'operator', 'de'),
  'interoperable-europe.ec.europa.eu': ('European Commission (Interoperable Europe)', 'official', 'en'),
  'itzbund.de': ('ITZBund', 'operator', 'de'),
  'joinup.ec.europa.eu': ('European Commission (Joinup)', 'official', 'en'),
  'kartenlesegeraet-personalausweis.de': ('kartenlesegeraet-personalausweis.de', 'secondary', 'de'),
  'kommunalwiki.boell.de': ('KommunalWiki (Heinrich-Böll-Stiftung)', 'secondary', 'de'),
  'kopo.de': ('KOPO – Kommunalpolitische Blätter', 'press', 'de'),
  'leitfaden.ozg-umsetzung.de': ('OZG-Umsetzungsleitfaden (BMI)', 'official', 'de'),
  'linuxiac.com': ('Linuxiac', 'press', 'en'),
  'linuxnews.de': ('linuxnews.de', 'press', 'de'),
  'lra-ebe.de': ('Landratsamt Ebersberg', 'official', 'de'),
  'netzpolitik.org': ('netzpolitik.org', 'press', 'de'),
  'okfn.de': ('Open Knowledge Foundation Deutschland', 'secondary', 'de'),
  'ozg.brandenburg.de': ('Land Brandenburg (OZG)', 'official', 'de'),
  'platform.cloudogu.com': ('Cloudogu', 'vendor', 'de'),
  'schwedt.eu': ('Stadt Schwedt/Oder', 'official', 'de'),
  'tenvias.de': ('tenvias', 'secondary', 'en'),
  'waltrop.de': ('Stadt Waltrop', 'official', 'de'),
  'appgefahren.de': ('appgefahren', 'press', 'de'),
  'awv-net.de': ('AWV – Arbeitsgemeinschaft für wirtschaftliche Verwaltung', 'secondary', 'de'),
  'ayedo.de': ('ayedo', 'vendor', 'de'),
  'bafoeg-digital.de': ('BAföG Digital (BMBF)', 'operator', 'de'),
  'behoerden-spiegel.de': ('Behörden Spiegel', 'press', 'de'),
  'bundesdruckerei-gmbh.de': ('Bundesdruckerei', 'operator', 'de'),
  'cio.de': ('CIO.de', 'press', 'de'),
  'delmenhorst.de': ('Stadt Delmenhorst', 'official', 'de'),
  'digitale-verwaltung.de': ('Bundesministerium des Innern (Digitale Verwaltung)', 'official', 'de'),
  'egovernment.de': ('eGovernment (Vogel IT-Medien)', 'press', 'de'),
  'ey.com': ('EY', 'secondary', 'en'),
  'glomas.de': ('glomas', 'secondary', 'de'),
  'ibm.com': ('IBM', 'vendor', 'en'),
  'it-business.de': ('IT-BUSINESS', 'press', 'de'),
  'kommunal-edv.de': ('Kommunal-EDV', 'secondary', 'de'),
  'kommune21.de': ('Kommune21', 'press', 'de'),
  'move-online.de': ('move moderne verwaltung (Kommune21)', 'press', 'de'),
  'paperclipped.de': ('paperclipped', 'secondary', 'en'),
  'sakd.de': ('Sächsische Anstalt für kommunale Datenverarbeitung', 'operator', 'de'),
  'schleswig-holstein.de': ('Land Schleswig-Holstein', 'official', 'de'),
  'sz-dossier.de': ('SZ Dossier', 'press', 'de'),
  'technikzentrale24.de': ('technikzentrale24', 'secondary', 'de'),
  'ucl.ac.uk': ('UCL Bartlett', 'secondary', 'en'),
  'welt.de': ('WELT', 'press', 'de'),
  'xleitstelle.de': ('XLeitstelle', 'standards-body', 'de'),
}
GITHUB = {
  'https://github.com/GovStackWorkingGroup': ('govstack-github', 'GovStack Working Group', 'GovStackWorkingGroup repositories', 'standards-body'),
  'https://github.com/GovStackWorkingGroup/specifications': ('govstack-specifications', 'GovStack Working Group', 'GovStack specifications (release 23Q4)', 'standards-body'),
  'https://github.com/codedust/leika-tool': ('github-codedust-leika-tool', 'codedust (GitHub user)', 'leika-tool', 'secondary'),
  'https://github.com/hd-gmbh-dev/xoev-xwasser-rs': ('github-hd-gmbh-xoev-xwasser-rs', 'hd-gmbh-dev (GitHub)', 'xoev-xwasser-rs', 'secondary'),
  'https://github.com/l-pagel/X.Justiz.Core': ('github-l-pagel-xjustiz-core', 'l-pagel (GitHub user)', 'X.Justiz.Core', 'secondary'),
}

def slug(s):
    s = s.lower()
    s = re.sub(r'%[0-9a-f]{2}', '', s)
    s = re.sub(r'[^a-z0-9]+', '-', s).strip('-')
    return s

used_ids = collections.Counter()
def entry_for(url):
    if url in R: return R[url]
    if url.startswith('https://github.com/deleonio/accessible-d-stack-landscape'):
        return None
    if url in GITHUB:
        i, p, t, k = GITHUB[url]
        reg(url, i, p, t, k, 'en'); return R[url]
    host = re.sub(r'^www\.', '', re.match(r'https?://([^/]+)', url).group(1).lower())
    pub, kind, lang = DOMAIN[host]
    path = re.sub(r'^https?://[^/]+', '', url)
    base = slug(host.split('.')[-2] if host.count('.') >= 1 else host)
    tail = slug(path)[:48].strip('-') or 'home'
    i = f'{base}-{tail}'
    title = re.sub(r'[-_/]+', ' ', re.sub(r'\.(html?|php|asp)$', '', re.sub(r'\?.*$', '', path))).strip() or host
    reg(url, i, pub, title, kind, lang, titleFromAddress=True)
    return R[url]

LANDSCAPE = 'dstack-landscape'

def convert(text, issues, ctx):
    out = []
    parts = [p.strip() for p in re.split(r'\s*;\s*', text) if p.strip()]
    for p in parts:
        loc = None
        m = re.match(r'^(https?://\S+)\s*\((.+)\)$', p)
        if m: p, loc = m.group(1), m.group(2)
        if p in DROP: continue
        if p == EUROSTACK_BLOG:
            out.append('bertelsmann-eurostack (layer names as summarised by a secondary blog, not checked against the report)')
            continue
        if p in INTERNAL:
            out.append(f'dstack-graph-research ({INTERNAL[p]})'); continue
        if p == 'Grundgesetz, Präambel': p = 'https://www.gesetze-im-internet.de/gg/präambel.html'
        if p == '../shared/data/d-stack-landscape/items (classification by dstack-graph)':
            out.append(f'{LANDSCAPE} (items; classification by dstack-graph)'); continue
        if p in COPIES:
            p, l2 = COPIES[p]; loc = loc or l2
        if p.startswith('https://github.com/deleonio/accessible-d-stack-landscape'):
            out.append(f'{LANDSCAPE} ({loc})' if loc else LANDSCAPE); continue
        if p.startswith('https://github.com/GovStackWorkingGroup/specifications') and loc == 'SUMMARY.md':
            pass
        if not re.match(r'https?://', p):
            issues.append(f'{ctx}: unmapped part {p!r}'); continue
        e = entry_for(p)
        out.append(f"{e['id']} ({loc})" if loc else e['id'])
    # de-duplicate, keep order
    seen = []
    for o in out:
        if o not in seen: seen.append(o)
    return ' ; '.join(seen)

issues = []
moved = collections.Counter()
for f in sorted(glob.glob('seeds/*.yaml')):
    raw = open(f, encoding='utf-8').read()
    def repl(m):
        q = m.group(2) is not None
        val = m.group(2) if q else m.group(3)
        new = convert(val, issues, f)
        for p in re.split(r'\s*;\s*', val):
            p = p.strip()
            if p in COPIES or p in DROP or p == EUROSTACK_BLOG: moved[p] += 1
        return f'{m.group(1)}"{new}"'
    # quoted values, then plain values to the end of the line (block style) or to "}" / "," (flow style)
    raw2 = re.sub(r'(\bsource: )(?:"([^"]*)"|([^"\n{}][^\n{}]*?))(?=\s*(?:\}|\n|$))', repl, raw)
    open(f, 'w', encoding='utf-8').write(raw2)

for i in issues: print('ISSUE', i, file=sys.stderr)
print('moved citations:', sum(moved.values()), dict(moved), file=sys.stderr)
ids = collections.Counter(e['id'] for e in R.values())
dups = [i for i, c in ids.items() if c > 1]
if dups: print('DUPLICATE IDS', dups, file=sys.stderr)
yaml.safe_dump  # noqa
entries = sorted(R.values(), key=lambda e: e['id'])
with open('/tmp/research/registry-migrated.yaml', 'w', encoding='utf-8') as fh:
    for e in entries:
        e.setdefault('retrieved', RETRIEVED)
        fh.write(yaml.safe_dump([e], allow_unicode=True, sort_keys=False, width=200))
print(len(entries), 'registry entries', file=sys.stderr)
