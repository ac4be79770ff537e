<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="sub/common.xsl"/>
  <xsl:param name="who" select="'nobody'"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:template match="/">
    <out who="{$who}"><xsl:call-template name="greet"/><xsl:value-of select="count(//item)"/></out>
  </xsl:template>
</xsl:stylesheet>
