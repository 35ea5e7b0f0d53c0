/* bb-print-qr.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QR codes on printed forms (the case number on the acceptance slip, so a
 * slip can be scanned back to its case), drawn as cairo rectangles: sharp
 * at any resolution, on paper and in the PDF alike.
 */

#define G_LOG_DOMAIN "bb-print-qr"

#include "config.h"

#include <qrencode.h>

#include "bb-print-qr.h"

/**
 * bb_print_qr_code:
 * @text: what the code holds (ASCII, such as a case number)
 * @x: the left edge of the symbol (the quiet zone lies outside it)
 * @y: the top edge of the symbol
 * @size: the width and height of the symbol in user units
 *
 * Draws @text as a QR code (error correction level M) whose dark and light
 * modules fill the square at @x, @y. The caller keeps
 * %BB_QR_QUIET_ZONE_MODULES modules of blank space around it: this function
 * paints the quiet zone white, so nothing drawn before shows through it.
 *
 * Returns: the number of modules on a side, or 0 when @text cannot be
 *   encoded (nothing is drawn then)
 */
int
bb_print_qr_code (cairo_t    *cr,
                  const char *text,
                  double      x,
                  double      y,
                  double      size)
{
  QRcode *code;
  double module;
  double quiet;
  int width;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (size > 0, 0);

  if (text == NULL || *text == '\0')
    return 0;

  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      g_warning ("Cannot encode “%s” as a QR code", text);
      return 0;
    }

  width = code->width;
  module = size / width;
  quiet = module * BB_QR_QUIET_ZONE_MODULES;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x - quiet, y - quiet, size + 2 * quiet, size + 2 * quiet);
  cairo_fill (cr);

  /* One path of every dark module, filled once: the modules are exactly
   * adjacent so no hairline gaps show between them. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (int row = 0; row < width; row++)
    {
      for (int column = 0; column < width; column++)
        {
          int run = 0;

          /* Runs of dark modules on a row make one rectangle. */
          while (column + run < width && (code->data[row * width + column + run] & 1))
            run++;
          if (run > 0)
            {
              cairo_rectangle (cr, x + column * module, y + row * module, run * module, module);
              column += run - 1;
            }
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);

  QRcode_free (code);
  return width;
}
