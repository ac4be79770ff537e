<?xml version="1.0" encoding="UTF-8"?>
<!-- Named templates shared by the notice stylesheets: NUTS codes, places of performance,
     organisations, dates. Included by eforms-cn.xsl. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:tenderpack:tender:1"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"
    exclude-result-prefixes="t">

  <!-- Postal code → NUTS-3 table (document() resolves next to this file). -->
  <xsl:variable name="nuts-table" select="document('nuts-be.xml')/nuts-be"/>

  <!-- NUTS-3 of a tender address: its @nuts when the profile gave it, else the table. -->
  <xsl:template name="nuts-of">
    <xsl:param name="address"/>
    <xsl:choose>
      <xsl:when test="$address/@nuts">
        <xsl:value-of select="$address/@nuts"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="pc" select="number($address/t:postalCode)"/>
        <xsl:value-of select="$nuts-table/range[number(@from) &lt;= $pc and $pc &lt;= number(@to)][1]/@nuts"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One cac:RealizedLocation per distinct NUTS-3 code of the addresses, in code order. -->
  <xsl:template name="realized-locations">
    <xsl:param name="addresses"/>
    <!-- "|code|code|…|": the NUTS-3 of every address, looked up once each. -->
    <xsl:variable name="codes">
      <xsl:text>|</xsl:text>
      <xsl:for-each select="$addresses">
        <xsl:call-template name="nuts-of"><xsl:with-param name="address" select="."/></xsl:call-template>
        <xsl:text>|</xsl:text>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="$nuts-table/area[contains($codes, concat('|', @code, '|'))]">
      <xsl:call-template name="realized-location">
        <xsl:with-param name="nuts" select="@code"/>
      </xsl:call-template>
    </xsl:for-each>
    <!-- Codes the profile gave that the table does not know: kept, once each. -->
    <xsl:for-each select="$addresses[@nuts][not(@nuts = $nuts-table/area/@code)]">
      <xsl:variable name="code" select="@nuts"/>
      <xsl:if test="generate-id($addresses[@nuts = $code][1]) = generate-id(.)">
        <xsl:call-template name="realized-location">
          <xsl:with-param name="nuts" select="$code"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="realized-location">
    <xsl:param name="nuts"/>
    <cac:RealizedLocation>
      <cac:Address>
        <cbc:CountrySubentityCode listName="nuts"><xsl:value-of select="$nuts"/></cbc:CountrySubentityCode>
        <cac:Country>
          <cbc:IdentificationCode listName="country">BEL</cbc:IdentificationCode>
        </cac:Country>
      </cac:Address>
    </cac:RealizedLocation>
  </xsl:template>

  <!-- BCE/KBO number in its usual display form: 0207.656.511. -->
  <xsl:template name="bce-display">
    <xsl:param name="bce"/>
    <xsl:value-of select="concat(substring($bce, 1, 4), '.', substring($bce, 5, 3), '.', substring($bce, 8, 3))"/>
  </xsl:template>

  <!-- A postal address of an organisation (BT-510, 512, 513, 507, 514). -->
  <xsl:template name="postal-address">
    <xsl:param name="street"/>
    <xsl:param name="city"/>
    <xsl:param name="postal-code"/>
    <xsl:param name="nuts"/>
    <cac:PostalAddress>
      <cbc:StreetName><xsl:value-of select="$street"/></cbc:StreetName>
      <cbc:CityName><xsl:value-of select="$city"/></cbc:CityName>
      <cbc:PostalZone><xsl:value-of select="$postal-code"/></cbc:PostalZone>
      <cbc:CountrySubentityCode listName="nuts"><xsl:value-of select="$nuts"/></cbc:CountrySubentityCode>
      <cac:Country>
        <cbc:IdentificationCode listName="country">BEL</cbc:IdentificationCode>
      </cac:Country>
    </cac:PostalAddress>
  </xsl:template>

  <!-- eForms date and time from a tender deadline "2026-10-06T10:00:00+02:00":
       "2026-10-06+02:00" and "10:00:00+02:00" (the offset kept on both). -->
  <xsl:template name="deadline-date">
    <xsl:param name="deadline"/>
    <xsl:value-of select="concat(substring-before($deadline, 'T'), substring($deadline, 20))"/>
  </xsl:template>
  <xsl:template name="deadline-time">
    <xsl:param name="deadline"/>
    <xsl:value-of select="substring-after($deadline, 'T')"/>
  </xsl:template>

  <!-- "2027-01-11" → "11/01/2027". -->
  <xsl:template name="date-fr">
    <xsl:param name="date"/>
    <xsl:value-of select="concat(substring($date, 9, 2), '/', substring($date, 6, 2), '/', substring($date, 1, 4))"/>
  </xsl:template>

  <!-- CPV code without its check digit: eForms wants "30213100", the tender has "30213100-6". -->
  <xsl:template name="cpv">
    <xsl:param name="code"/>
    <xsl:value-of select="substring-before(concat($code, '-'), '-')"/>
  </xsl:template>
</xsl:stylesheet>
