<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/">
    <exsl:document href="/tmp/tenderpack-xslt-escape.txt" method="text">pwned</exsl:document>
    <out/>
  </xsl:template>
</xsl:stylesheet>
