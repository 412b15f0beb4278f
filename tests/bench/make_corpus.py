#!/usr/bin/env python3
"""Builds the benchmark corpus: Russian news made by repeating source texts.

    make_corpus.py OUTDIR SOURCE...

SOURCE is a directory (its *.txt files, sorted) or a file.  Writes
ru-100k.txt, ru-1m.txt, ru-10m.txt, ru-100m.txt (10^5 .. 10^8 bytes, cut at a
line end so that no UTF-8 character is split) and ru-1m.html, ru-10m.html:
the same paragraphs as <p> inside an <article>, with the navigation, scripts
and footer a real news page carries.  Files that already exist for the same
sources and generator are kept (a stamp records what made them).
"""
import hashlib
import html
import os
import sys

SIZES = [("100k", 10**5), ("1m", 10**6), ("10m", 10**7), ("100m", 10**8)]
HTML_SIZES = [("1m", 10**6), ("10m", 10**7)]


def sources(args):
    files = []
    for a in args:
        if os.path.isdir(a):
            files += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".txt"))
        elif os.path.isfile(a):
            files.append(a)
    return files


def load(files):
    docs = []
    for f in files:
        with open(f, "rb") as fh:
            text = fh.read().decode("utf-8", "replace").replace("\r\n", "\n").strip()
        if text:
            docs.append(text)
    return docs


def repeat_to(unit, size):
    """unit repeated and cut at the last line end before size bytes."""
    data = unit * (size // len(unit) + 1)
    cut = data.rfind(b"\n", 0, size)
    return data[: cut + 1 if cut > 0 else size]


NAV = """<header class="site-header">
<nav class="menu"><ul>
<li><a href="/">Главная</a></li><li><a href="/politics">Политика</a></li>
<li><a href="/economy">Экономика</a></li><li><a href="/world">В мире</a></li>
<li><a href="/society">Общество</a></li><li><a href="/sport">Спорт</a></li>
</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Поиск по сайту"></form>
</header>
"""

SCRIPT = """<script>
window.dataLayer = window.dataLayer || [];
function track(e) { window.dataLayer.push({event: e, ts: Date.now()}); }
document.addEventListener('DOMContentLoaded', function () { track('view'); });
</script>
"""

ASIDE = """<aside class="related"><h3>Читайте также</h3><ul>
<li><a href="/news/1">Курс рубля на торгах Московской биржи</a></li>
<li><a href="/news/2">Прогноз погоды на выходные</a></li>
<li><a href="/news/3">Главные события недели</a></li>
</ul></aside>
"""

FOOTER = """<footer><p>© Информационное агентство. Все права защищены.</p>
<p><a href="/about">О нас</a> · <a href="/contacts">Контакты</a> · <a href="/ads">Реклама</a></p>
</footer>
"""


def html_page(docs, size):
    head = ("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">\n"
            "<title>Новости — лента</title>\n"
            "<meta property=\"og:title\" content=\"Лента новостей\">\n"
            "<meta property=\"article:published_time\" content=\"2016-03-15T10:00:00+03:00\">\n"
            "<link rel=\"stylesheet\" href=\"/static/site.css\">\n" + SCRIPT +
            "</head>\n<body>\n" + NAV + "<main>\n<article>\n")
    tail = "</article>\n" + ASIDE + "</main>\n" + FOOTER + SCRIPT + "</body></html>\n"
    budget = size - len(head.encode()) - len(tail.encode())
    parts, used, i = [], 0, 0
    while True:
        doc = docs[i % len(docs)]
        i += 1
        lines = [l.strip() for l in doc.split("\n") if l.strip()]
        block = "<section class=\"story\">\n"
        if len(lines) > 1 and len(lines[0]) < 160:  # a headline, not a paragraph
            block += "<h2>%s</h2>\n" % html.escape(lines.pop(0), quote=False)
        block += "".join("<p>%s</p>\n" % html.escape(l, quote=False) for l in lines)
        block += "<div class=\"share\"><a href=\"#\">Поделиться</a></div>\n</section>\n"
        b = block.encode()
        if used + len(b) > budget:
            break
        parts.append(b)
        used += len(b)
    return head.encode() + b"".join(parts) + tail.encode()


def write(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    out = sys.argv[1]
    files = sources(sys.argv[2:])
    docs = load(files)
    if not docs:
        sys.stderr.write("make_corpus: no source text in %s\n" % " ".join(sys.argv[2:]))
        return 1
    os.makedirs(out, exist_ok=True)
    unit = ("\n\n".join(docs) + "\n\n").encode("utf-8")
    with open(__file__, "rb") as fh:  # a change of this generator rebuilds too
        stamp = hashlib.sha256(unit + fh.read()).hexdigest()
    stamp_path = os.path.join(out, "corpus.stamp")
    names = ["ru-%s.txt" % n for n, _ in SIZES] + ["ru-%s.html" % n for n, _ in HTML_SIZES]
    fresh = (os.path.exists(stamp_path) and open(stamp_path).read().strip() == stamp
             and all(os.path.exists(os.path.join(out, n)) for n in names))
    if fresh:
        print("corpus: %s (kept; %d source texts, %d bytes)" % (out, len(docs), len(unit)))
        return 0
    for name, size in SIZES:
        write(os.path.join(out, "ru-%s.txt" % name), repeat_to(unit, size))
    for name, size in HTML_SIZES:
        write(os.path.join(out, "ru-%s.html" % name), html_page(docs, size))
    write(stamp_path, (stamp + "\n").encode())
    print("corpus: %s (built from %d source texts, %d bytes)" % (out, len(docs), len(unit)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
