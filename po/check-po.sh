#!/bin/sh
# Checks the zh_CN translation is complete and POTFILES.in lists every file
# with translatable strings. Usage: check-po.sh SOURCE-ROOT
set -eu
top=$1
cd "$top"
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. POTFILES.in lists every source, UI, desktop, metainfo and schema file
#    that has translatable strings.
for f in $(git ls-files src data 2>/dev/null || find src data -type f); do
  case "$f" in
    *.c|*.ui|*.desktop.in|*.metainfo.xml.in|*.gschema.xml) ;;
    *) continue ;;
  esac
  if grep -qE '(\b_\(|\bN_\(|\bC_\(|translatable="yes"|^_?Name=|<_?summary>|<_?description>|<summary>)' "$f"; then
    case "$f" in
      *.gschema.xml) ;;  # schema strings are for dconf editors; not shipped in the UI
      *)
        if ! grep -qxF "$f" po/POTFILES.in; then
          echo "po/POTFILES.in does not list $f, which has translatable strings" >&2
          status=1
        fi
        ;;
    esac
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | sed '/^$/d'); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist" >&2
    status=1
  fi
done

# 2. Every message of the sources is in zh_CN.po, translated, not fuzzy.
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --files-from=po/POTFILES.in --directory="$top" --output="$tmp/bangban.pot" 2>"$tmp/xgettext.log" \
  || { cat "$tmp/xgettext.log" >&2; exit 1; }
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/zh_CN.po" po/zh_CN.po "$tmp/bangban.pot"
stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$tmp/zh_CN.po" 2>&1)
echo "zh_CN: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "zh_CN.po is incomplete: $stats" >&2
    LC_ALL=C msgattrib --untranslated --only-fuzzy "$tmp/zh_CN.po" >/dev/null 2>&1 || true
    LC_ALL=C msgattrib --untranslated "$tmp/zh_CN.po" | grep '^msgid' | head -20 >&2 || true
    LC_ALL=C msgattrib --only-fuzzy "$tmp/zh_CN.po" | grep '^msgid' | head -20 >&2 || true
    status=1
    ;;
esac
LC_ALL=C msgfmt --check --output-file=/dev/null po/zh_CN.po || status=1
exit $status
