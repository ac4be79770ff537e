<?xml version="1.0" encoding="UTF-8"?>
<!-- Helpers shared by the cahier spécial des charges templates: French
     formatting of amounts, numbers, dates and deadlines, and the French
     labels of the codes found in the tender XML. XSLT 1.0 only (no EXSLT).
     Every helper is a named template taking xsl:with-param; see
     docs/TEMPLATES.md for the list. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="urn:tenderpack:tender:1"
                xmlns="urn:tenderpack:document:1"
                exclude-result-prefixes="t">

  <!-- "1 234,56": U+00A0 groups thousands so an amount never breaks across lines. -->
  <xsl:decimal-format name="fr" decimal-separator="," grouping-separator="&#160;"/>

  <!-- Operators of the requirement tables, in words: the PDF fonts
       (Windows-1252) have no ≥ ≤ → glyphs and would print >= <= ->.
       Set them to '≥' and '≤' for ODT/DOCX-only use. -->
  <xsl:variable name="op-ge" select="'au moins'"/>
  <xsl:variable name="op-le" select="'au plus'"/>
  <xsl:variable name="nbsp" select="'&#160;'"/>

  <!-- ============================================================ numbers -->

  <!-- Euros: "12345.6" gives "12 345,60 €". -->
  <xsl:template name="fmt-money">
    <xsl:param name="amount"/>
    <xsl:value-of select="concat(format-number(number($amount), '#&#160;##0,00', 'fr'), '&#160;€')"/>
  </xsl:template>

  <!-- Whole number with grouping: "2650" gives "2 650". -->
  <xsl:template name="fmt-int">
    <xsl:param name="n"/>
    <xsl:value-of select="format-number(number($n), '#&#160;##0', 'fr')"/>
  </xsl:template>

  <!-- Exact decimal as written in the tender ("13.3" gives "13,3"); calendar
       years are printed without grouping ("2033"). -->
  <xsl:template name="fmt-decimal">
    <xsl:param name="value"/>
    <xsl:param name="unit" select="''"/>
    <xsl:choose>
      <xsl:when test="$unit = 'year'"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="format-number(number($value), '#&#160;##0,######', 'fr')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- French unit after a value; singular for 0 and 1 ("1 an", "2 ans"). -->
  <xsl:template name="unit-label">
    <xsl:param name="unit"/>
    <xsl:param name="value" select="2"/>
    <xsl:variable name="one" select="number($value) &lt;= 1"/>
    <xsl:choose>
      <xsl:when test="$unit = 'GB'">Go</xsl:when>
      <xsl:when test="$unit = 'in'">pouces</xsl:when>
      <xsl:when test="$unit = 'px'">pixels</xsl:when>
      <xsl:when test="$unit = 'h'">h</xsl:when>
      <xsl:when test="$unit = 'kg'">kg</xsl:when>
      <xsl:when test="$unit = 'W'">W</xsl:when>
      <xsl:when test="$unit = 'nits'">cd/m²</xsl:when>
      <xsl:when test="$unit = 'year'"/>
      <xsl:when test="$unit = 'years' and $one">an</xsl:when>
      <xsl:when test="$unit = 'years'">ans</xsl:when>
      <xsl:when test="$unit = 'days' and $one">jour</xsl:when>
      <xsl:when test="$unit = 'days'">jours</xsl:when>
      <xsl:when test="$unit = 'points' and $one">point</xsl:when>
      <xsl:when test="$unit = 'points'">points</xsl:when>
      <xsl:when test="$unit = 'ports' and $one">port</xsl:when>
      <xsl:when test="$unit = 'ports'">ports</xsl:when>
      <xsl:otherwise><xsl:value-of select="$unit"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Value and unit kept together: "8 Go", "13,3 pouces", "2033". -->
  <xsl:template name="fmt-measure">
    <xsl:param name="value"/>
    <xsl:param name="unit" select="''"/>
    <xsl:call-template name="fmt-decimal">
      <xsl:with-param name="value" select="$value"/>
      <xsl:with-param name="unit" select="$unit"/>
    </xsl:call-template>
    <xsl:if test="$unit != '' and $unit != 'year'">
      <xsl:value-of select="$nbsp"/>
      <xsl:call-template name="unit-label">
        <xsl:with-param name="unit" select="$unit"/>
        <xsl:with-param name="value" select="$value"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- "s" when n > 1, for plurals in running text. -->
  <xsl:template name="plural">
    <xsl:param name="n"/>
    <xsl:param name="one" select="''"/>
    <xsl:param name="many" select="'s'"/>
    <xsl:choose>
      <xsl:when test="number($n) &gt; 1"><xsl:value-of select="$many"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$one"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ dates -->

  <xsl:template name="month-name">
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="$m = 1">janvier</xsl:when>
      <xsl:when test="$m = 2">février</xsl:when>
      <xsl:when test="$m = 3">mars</xsl:when>
      <xsl:when test="$m = 4">avril</xsl:when>
      <xsl:when test="$m = 5">mai</xsl:when>
      <xsl:when test="$m = 6">juin</xsl:when>
      <xsl:when test="$m = 7">juillet</xsl:when>
      <xsl:when test="$m = 8">août</xsl:when>
      <xsl:when test="$m = 9">septembre</xsl:when>
      <xsl:when test="$m = 10">octobre</xsl:when>
      <xsl:when test="$m = 11">novembre</xsl:when>
      <xsl:when test="$m = 12">décembre</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "2027-01-05" gives "5 janvier 2027"; the first of a month is "1er". -->
  <xsl:template name="fmt-date">
    <xsl:param name="date"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <xsl:value-of select="$d"/>
    <xsl:if test="$d = 1">er</xsl:if>
    <xsl:text> </xsl:text>
    <xsl:call-template name="month-name">
      <xsl:with-param name="m" select="number(substring($date, 6, 2))"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($date, 1, 4)"/>
  </xsl:template>

  <!-- Day of the week of a Gregorian date (Sakamoto's method): "mardi". -->
  <xsl:template name="weekday">
    <xsl:param name="date"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="y" select="number(substring($date, 1, 4)) - number($m &lt; 3)"/>
    <xsl:variable name="shift" select="number(substring('032503514624', $m, 1))"/>
    <xsl:variable name="w"
                  select="($y + floor($y div 4) - floor($y div 100) + floor($y div 400)
                           + $shift + number(substring($date, 9, 2))) mod 7"/>
    <xsl:value-of select="substring-before(substring-after(
        '|0dimanche|1lundi|2mardi|3mercredi|4jeudi|5vendredi|6samedi|', concat('|', $w)), '|')"/>
  </xsl:template>

  <!-- "2027-01-05T10:00:00+01:00" gives "5 janvier 2027 à 10 h 00" (local time as written). -->
  <xsl:template name="fmt-deadline">
    <xsl:param name="deadline"/>
    <xsl:call-template name="fmt-date">
      <xsl:with-param name="date" select="substring($deadline, 1, 10)"/>
    </xsl:call-template>
    <xsl:value-of select="concat(' à ', number(substring($deadline, 12, 2)), '&#160;h&#160;',
                                 substring($deadline, 15, 2))"/>
  </xsl:template>

  <!-- The same with the weekday first: "mardi 5 janvier 2027 à 10 h 00". -->
  <xsl:template name="fmt-deadline-long">
    <xsl:param name="deadline"/>
    <xsl:call-template name="weekday">
      <xsl:with-param name="date" select="substring($deadline, 1, 10)"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:call-template name="fmt-deadline">
      <xsl:with-param name="deadline" select="$deadline"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ identifiers -->

  <!-- BCE number as printed in Belgium: "0220916609" gives "0220.916.609". -->
  <xsl:template name="fmt-bce">
    <xsl:param name="bce"/>
    <xsl:value-of select="concat(substring($bce, 1, 4), '.', substring($bce, 5, 3), '.',
                                 substring($bce, 8, 3))"/>
  </xsl:template>

  <!-- Postal address on one line: "Rue du Collège 8, 5000 Namur". -->
  <xsl:template name="fmt-address">
    <xsl:param name="a"/>
    <xsl:value-of select="concat($a/t:street, ' ', $a/t:number, ', ', $a/t:postalCode, ' ',
                                 $a/t:locality)"/>
  </xsl:template>

  <!-- ============================================================ procedure -->

  <!-- Procedure in running text, lower case: "la procédure ouverte". -->
  <xsl:template name="procedure-label">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'faible-montant'">marché de faible montant</xsl:when>
      <xsl:when test="$code = 'pnspp'">procédure négociée sans publication préalable</xsl:when>
      <xsl:when test="$code = 'pndapp'">procédure négociée directe avec publication préalable</xsl:when>
      <xsl:when test="$code = 'open'">procédure ouverte</xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="publication-label">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'none'">Sans publication préalable (consultation directe)</xsl:when>
      <xsl:when test="$code = 'bda'">Bulletin des Adjudications</xsl:when>
      <xsl:when test="$code = 'ted'">Journal officiel de l’Union européenne et Bulletin des Adjudications</xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ network and PO -->

  <xsl:template name="network-label">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'wbe'">Wallonie-Bruxelles Enseignement (WBE)</xsl:when>
      <xsl:when test="$code = 'officiel-communal'">Officiel subventionné (communal)</xsl:when>
      <xsl:when test="$code = 'officiel-provincial'">Officiel subventionné (provincial)</xsl:when>
      <xsl:when test="$code = 'officiel-cocof'">Officiel subventionné (COCOF)</xsl:when>
      <xsl:when test="$code = 'libre-confessionnel'">Libre subventionné confessionnel</xsl:when>
      <xsl:when test="$code = 'libre-non-confessionnel'">Libre subventionné non confessionnel</xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="federation-label">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'segec'">Secrétariat général de l’enseignement catholique (SeGEC)</xsl:when>
      <xsl:when test="$code = 'cecp'">Conseil de l’enseignement des communes et des provinces (CECP)</xsl:when>
      <xsl:when test="$code = 'cpeons'">Conseil des pouvoirs organisateurs de l’enseignement officiel neutre subventionné (CPEONS)</xsl:when>
      <xsl:when test="$code = 'felsi'">Fédération des établissements libres subventionnés indépendants (FELSI)</xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The body that takes the PO's decisions (approval of the documents,
       award), by legal form. -->
  <xsl:template name="po-organ">
    <xsl:param name="form"/>
    <xsl:choose>
      <xsl:when test="$form = 'asbl'">le conseil d’administration de l’ASBL</xsl:when>
      <xsl:when test="$form = 'commune'">le collège communal</xsl:when>
      <xsl:when test="$form = 'province'">le collège provincial</xsl:when>
      <xsl:when test="$form = 'cocof'">le Collège de la Commission communautaire française</xsl:when>
      <xsl:when test="$form = 'wbe'">l’organe de Wallonie-Bruxelles Enseignement compétent selon ses délégations de pouvoir</xsl:when>
      <xsl:otherwise>l’organe compétent du pouvoir organisateur</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What the PO is, in one phrase, by legal form. -->
  <xsl:template name="po-nature">
    <xsl:param name="form"/>
    <xsl:choose>
      <xsl:when test="$form = 'asbl'">Association sans but lucratif (ASBL), pouvoir organisateur d’enseignement libre subventionné</xsl:when>
      <xsl:when test="$form = 'commune'">Commune, pouvoir organisateur d’enseignement officiel subventionné</xsl:when>
      <xsl:when test="$form = 'province'">Province, pouvoir organisateur d’enseignement officiel subventionné</xsl:when>
      <xsl:when test="$form = 'cocof'">Commission communautaire française (COCOF), pouvoir organisateur d’enseignement officiel subventionné</xsl:when>
      <xsl:when test="$form = 'wbe'">Organisme public autonome créé par décret spécial en 2019, pouvoir organisateur de l’enseignement organisé par la Fédération Wallonie-Bruxelles</xsl:when>
      <xsl:otherwise>Pouvoir organisateur d’enseignement</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ lots and items -->

  <xsl:template name="device-label">
    <xsl:param name="device"/>
    <xsl:param name="n" select="2"/>
    <xsl:variable name="s"><xsl:if test="number($n) &gt; 1">s</xsl:if></xsl:variable>
    <xsl:choose>
      <xsl:when test="$device = 'laptop'">ordinateur<xsl:value-of select="$s"/> portable<xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="$device = 'chromebook'">Chromebook<xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="$device = 'tablet'">tablette<xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="$device = 'accessories'">ensemble<xsl:value-of select="$s"/> d’accessoires</xsl:when>
      <xsl:otherwise><xsl:value-of select="$device"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Descriptive (not official) French names of the CPV codes the
       catalogue uses; other codes are printed alone. -->
  <xsl:template name="cpv-label">
    <xsl:param name="code"/>
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="$code = '30213100-6'">ordinateurs portables</xsl:when>
        <xsl:when test="starts-with($code, '30213200')">tablettes</xsl:when>
        <xsl:when test="$code = '30213000-5'">ordinateurs personnels</xsl:when>
        <xsl:when test="$code = '30237200-1'">accessoires informatiques</xsl:when>
        <xsl:when test="$code = '30237270-2'">sacoches et housses pour ordinateurs portables</xsl:when>
        <xsl:when test="$code = '31158000-8'">chargeurs</xsl:when>
        <xsl:when test="$code = '32342100-3'">casques et écouteurs</xsl:when>
        <xsl:when test="$code = '48000000-8'">logiciels et systèmes d’information</xsl:when>
        <xsl:when test="$code = '30237410-6'">souris d’ordinateur</xsl:when>
        <xsl:when test="$code = '72611000-6'">services d’assistance technique informatique</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="$code"/>
    <xsl:if test="string($label) != ''">
      <xsl:value-of select="concat(' (', $label, ')')"/>
    </xsl:if>
  </xsl:template>

  <!-- French wording of the codes of <value> and <choice> in requirements. -->
  <xsl:template name="code-label">
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$code = 'ssd'">SSD</xsl:when>
      <xsl:when test="$code = 'emmc'">eMMC</xsl:when>
      <xsl:when test="$code = 'azerty-be'">AZERTY belge</xsl:when>
      <xsl:when test="$code = 'wifi6'">Wi-Fi 6</xsl:when>
      <xsl:when test="$code = 'wifi6e'">Wi-Fi 6E</xsl:when>
      <xsl:when test="$code = 'wifi7'">Wi-Fi 7</xsl:when>
      <xsl:when test="$code = 'windows-11-education'">Windows 11 Éducation</xsl:when>
      <xsl:when test="$code = 'windows-11-pro-education'">Windows 11 Pro Éducation</xsl:when>
      <xsl:when test="$code = 'on-site'">intervention sur site</xsl:when>
      <xsl:when test="$code = 'pickup-return'">enlèvement et retour</xsl:when>
      <xsl:when test="$code = 'usb-c'">USB-C</xsl:when>
      <xsl:when test="$code = 'jack-3-5'">jack 3,5 mm</xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The required value of a t:requirement with its operator in words:
       "au moins 8 Go", "au plus 1,8 kg", "de 13,3 à 15,6 pouces", "SSD",
       "Wi-Fi 6, Wi-Fi 6E ou Wi-Fi 7", "Oui". -->
  <xsl:template name="requirement-value">
    <xsl:param name="r" select="."/>
    <xsl:choose>
      <xsl:when test="$r/@op = 'ge'">
        <xsl:value-of select="concat($op-ge, ' ')"/>
        <xsl:call-template name="fmt-measure">
          <xsl:with-param name="value" select="$r/@min"/>
          <xsl:with-param name="unit" select="string($r/@unit)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$r/@op = 'le'">
        <xsl:value-of select="concat($op-le, ' ')"/>
        <xsl:call-template name="fmt-measure">
          <xsl:with-param name="value" select="$r/@max"/>
          <xsl:with-param name="unit" select="string($r/@unit)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$r/@op = 'range'">
        <xsl:text>de </xsl:text>
        <xsl:call-template name="fmt-decimal">
          <xsl:with-param name="value" select="$r/@min"/>
          <xsl:with-param name="unit" select="string($r/@unit)"/>
        </xsl:call-template>
        <xsl:text> à </xsl:text>
        <xsl:call-template name="fmt-measure">
          <xsl:with-param name="value" select="$r/@max"/>
          <xsl:with-param name="unit" select="string($r/@unit)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$r/@op = 'eq'">
        <xsl:call-template name="code-label">
          <xsl:with-param name="code" select="string($r/t:value)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$r/@op = 'oneof'">
        <xsl:for-each select="$r/t:choice">
          <xsl:if test="position() &gt; 1">
            <xsl:choose>
              <xsl:when test="position() = last()"> ou </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:call-template name="code-label">
            <xsl:with-param name="code" select="string(.)"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$r/@op = 'bool'">Oui (exigé)</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The unit column of the requirement tables: "Go", "pouces", "—". -->
  <xsl:template name="unit-column">
    <xsl:param name="unit"/>
    <xsl:choose>
      <xsl:when test="$unit = 'year'">année</xsl:when>
      <xsl:when test="$unit != ''">
        <xsl:call-template name="unit-label">
          <xsl:with-param name="unit" select="$unit"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The scale of a t:scored feature, floor then target: "de 8 Go à 16 Go"
       (lower is better when the target is below the floor) or "Oui / Non". -->
  <xsl:template name="scored-scale">
    <xsl:param name="s" select="."/>
    <xsl:choose>
      <xsl:when test="$s/@kind = 'linear'">
        <xsl:text>de </xsl:text>
        <xsl:call-template name="fmt-measure">
          <xsl:with-param name="value" select="$s/@floor"/>
          <xsl:with-param name="unit" select="string($s/@unit)"/>
        </xsl:call-template>
        <xsl:text> à </xsl:text>
        <xsl:call-template name="fmt-measure">
          <xsl:with-param name="value" select="$s/@target"/>
          <xsl:with-param name="unit" select="string($s/@unit)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>Oui / Non</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ short forms
       The same helpers as modes, so clauses stay short:
       <xsl:apply-templates select="$T/t:estimate/@htva" mode="money"/>. -->

  <xsl:template match="@*|*" mode="money">
    <xsl:call-template name="fmt-money"><xsl:with-param name="amount" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="@*|*" mode="int">
    <xsl:call-template name="fmt-int"><xsl:with-param name="n" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="@*|*" mode="date">
    <xsl:call-template name="fmt-date"><xsl:with-param name="date" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="@*|*" mode="deadline">
    <xsl:call-template name="fmt-deadline-long"><xsl:with-param name="deadline" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="*" mode="address">
    <xsl:call-template name="fmt-address"><xsl:with-param name="a" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:requirement" mode="value">
    <xsl:call-template name="requirement-value"><xsl:with-param name="r" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:scored" mode="scale">
    <xsl:call-template name="scored-scale"><xsl:with-param name="s" select="."/></xsl:call-template>
  </xsl:template>

  <!-- A line to fill in by hand in forms. -->
  <xsl:template name="blank">
    <xsl:param name="n" select="30"/>
    <xsl:value-of select="substring('………………………………………………………………………………………………', 1, $n)"/>
  </xsl:template>

</xsl:stylesheet>
