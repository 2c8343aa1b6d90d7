"""Documents: PDF (reportlab), xlsx, ics, vcf. No Qt."""
