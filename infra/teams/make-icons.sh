#!/bin/sh
# Regenerates the Teams app icons with ImageMagick (apt-get install imagemagick).
# color.png: 192x192, full colour. outline.png: 32x32, white on transparent (Teams requirement).
set -eu
cd "$(dirname "$0")"
convert -size 192x192 xc:'#0f766e' \
  -fill white -draw "polygon 96,30 150,50 150,100 96,160 42,100 42,50" \
  -fill '#0f766e' -draw "rectangle 70,66 122,80" -draw "rectangle 89,66 103,130" \
  -depth 8 -strip color.png
convert -size 32x32 xc:none \
  -fill none -stroke white -strokewidth 2 -draw "polygon 16,3 27,7 27,17 16,29 5,17 5,7" \
  -stroke none -fill white -draw "rectangle 11,10 21,12" -draw "rectangle 15,10 17,22" \
  -depth 8 -strip PNG32:outline.png
