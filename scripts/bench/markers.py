"""Replace the text between `<!-- NAME:begin -->` and `<!-- NAME:end -->` in a file."""
import os


def replace_between(path, name, content):
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        text = ""
    block = "%s\n%s%s" % (begin, content if content.endswith("\n") else content + "\n", end)
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1]
        text = head + block + tail
    else:
        text = text + ("\n" if text and not text.endswith("\n") else "") + block + "\n"
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def read_between(path, name):
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if begin not in text or end not in text:
        raise ValueError("%s has no %s markers" % (path, name))
    return text.split(begin, 1)[1].split(end, 1)[0].strip("\n") + "\n"
