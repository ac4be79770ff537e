<?xml version="1.0" encoding="UTF-8"?>
<!-- Cahier spécial des charges (CSC) of a supply tender, from the tender XML
     (urn:tenderpack:tender:1, docs/TENDER.md) to the document vocabulary
     (urn:tenderpack:document:1, schemas/document.xsd).
     This file: parameters, metadata, running header and footer, cover page,
     table of contents, and the order of the parts. The clauses live in
     admin.xsl and offers.xsl (passation), execution.xsl (exécution), technical.xsl
     (prescriptions techniques) and annexes.xsl; French formatting helpers in
     common.xsl. How to adapt a clause: docs/TEMPLATES.md. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="urn:tenderpack:tender:1"
                xmlns="urn:tenderpack:document:1"
                exclude-result-prefixes="t">

  <xsl:include href="common.xsl"/>
  <xsl:include href="admin.xsl"/>
  <xsl:include href="offers.xsl"/>
  <xsl:include href="execution.xsl"/>
  <xsl:include href="technical.xsl"/>
  <xsl:include href="annexes.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- ============================================================ parameters
       Values a PO may change (here, or with tp_xslt_apply params). They are
       clauses of this CSC, not legal constants: check them before publishing. -->

  <!-- Cautionnement: percent of the initial amount of a lot HTVA (AR 14 January 2013). -->
  <xsl:param name="guarantee-percent" select="'5'"/>
  <!-- No cautionnement for a lot whose initial amount HTVA is below this
       (the exemptions were changed by the AR of 4 September 2023). -->
  <xsl:param name="guarantee-threshold" select="'50000'"/>
  <!-- Late-delivery fine, percent of the late supplies per calendar day, in French notation. -->
  <xsl:param name="delay-penalty" select="'0,07'"/>
  <!-- Days to pay after the end of the verification (réception). -->
  <xsl:param name="payment-days" select="'30'"/>
  <!-- Days the PO has to verify the supplies and decide on the réception. -->
  <xsl:param name="verification-days" select="'30'"/>
  <!-- Repair or replacement time under warranty, in working days. -->
  <xsl:param name="repair-days" select="'10'"/>
  <!-- Written questions: at the latest this many calendar days before the deadline. -->
  <xsl:param name="questions-days" select="'6'"/>
  <!-- Selection: number of similar deliveries of the last three years. -->
  <xsl:param name="selection-references" select="'2'"/>
  <!-- Derogations to the general execution rules; empty: none. -->
  <xsl:param name="derogations" select="''"/>

  <!-- ============================================================ shared values -->

  <xsl:variable name="T" select="/t:tender"/>
  <xsl:variable name="ref" select="string($T/t:reference)"/>
  <xsl:variable name="proc" select="string($T/t:procedure/@code)"/>
  <xsl:variable name="publication" select="string($T/t:procedure/@publication)"/>
  <xsl:variable name="espd" select="$T/t:procedure/@espdRequired = 'true'"/>
  <xsl:variable name="negotiated" select="$proc = 'pnspp' or $proc = 'pndapp'"/>
  <xsl:variable name="lots" select="$T/t:lots/t:lot"/>
  <xsl:variable name="nlots" select="count($lots)"/>
  <xsl:variable name="buyer" select="$T/t:buyer"/>
  <xsl:variable name="form" select="string($buyer/@legalForm)"/>
  <xsl:variable name="schools" select="$T/t:schools/t:school"/>

  <xsl:variable name="organ">
    <xsl:call-template name="po-organ">
      <xsl:with-param name="form" select="$form"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- Short object for the running header and the metadata. -->
  <xsl:variable name="short-object">
    <xsl:choose>
      <xsl:when test="$nlots = 1"><xsl:value-of select="$lots/t:title"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('Équipements numériques pour les élèves (', $nlots, ' lots)')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Object in one sentence: "Fourniture de 420 ordinateurs portables et
       d’accessoires (souris, casques et chargeurs de réserve) pour les élèves…". -->
  <xsl:variable name="object" select="concat('Fourniture ', $object-items)"/>
  <xsl:variable name="object-items">
    <xsl:for-each select="$lots">
      <xsl:choose>
        <xsl:when test="position() = 1"/>
        <xsl:when test="position() = last()"> et </xsl:when>
        <xsl:otherwise>, </xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="@device = 'accessories'">
          <xsl:value-of select="concat('d’accessoires (', translate(substring(t:title, 1, 1),
                                'ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÀ', 'abcdefghijklmnopqrstuvwxyzéèà'),
                                substring(t:title, 2), ')')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>de </xsl:text>
          <xsl:call-template name="fmt-int"><xsl:with-param name="n" select="@quantity"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="device-label">
            <xsl:with-param name="device" select="@device"/>
            <xsl:with-param name="n" select="@quantity"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:text> pour les élèves de l’enseignement secondaire</xsl:text>
  </xsl:variable>

  <!-- ============================================================ document -->

  <xsl:template match="/">
    <xsl:if test="not($T) or $T/@version != '1'">
      <xsl:message terminate="yes">csc.xsl needs a tender XML of version 1 (urn:tenderpack:tender:1).</xsl:message>
    </xsl:if>
    <document lang="fr">
      <meta>
        <title><xsl:value-of select="concat('Cahier spécial des charges n° ', $ref)"/></title>
        <subject><xsl:value-of select="$object"/></subject>
        <author><xsl:value-of select="$buyer/t:name"/></author>
        <keywords>
          <xsl:text>marché public, fournitures, cahier spécial des charges, </xsl:text>
          <xsl:call-template name="procedure-label">
            <xsl:with-param name="code" select="$proc"/>
          </xsl:call-template>
          <xsl:value-of select="concat(', CPV ', $T/t:cpv/@main)"/>
          <xsl:for-each select="$lots[not(t:cpv/@main = $T/t:cpv/@main)
                                      and not(t:cpv/@main = preceding-sibling::t:lot/t:cpv/@main)]">
            <xsl:value-of select="concat(', CPV ', t:cpv/@main)"/>
          </xsl:for-each>
          <xsl:text>, Fédération Wallonie-Bruxelles, Mes outils numériques</xsl:text>
        </keywords>
        <date><xsl:value-of select="$T/t:dates/@publication"/></date>
      </meta>
      <header><xsl:value-of select="concat('CSC ', $ref, ' – ', $short-object)"/></header>
      <footer>
        <xsl:value-of select="concat($buyer/t:name, ' – Cahier spécial des charges ', $ref)"/>
      </footer>
      <xsl:call-template name="cover"/>
      <toc/>
      <xsl:call-template name="admin-part"/>
      <xsl:call-template name="execution-part"/>
      <xsl:call-template name="technical-part"/>
      <xsl:call-template name="annexes"/>
    </document>
  </xsl:template>

  <!-- ============================================================ cover page -->

  <xsl:template name="cover">
    <cover>
      <title>Cahier spécial des charges</title>
      <subtitle>Marché public de fournitures</subtitle>
      <subtitle><xsl:value-of select="$object"/></subtitle>
      <subtitle><xsl:value-of select="concat('Référence&#160;: ', $ref)"/></subtitle>
      <field label="Pouvoir adjudicateur">
        <xsl:value-of select="$buyer/t:name"/>
        <br/>
        <xsl:call-template name="fmt-address">
          <xsl:with-param name="a" select="$buyer/t:address"/>
        </xsl:call-template>
      </field>
      <field label="Numéro d’entreprise (BCE)">
        <xsl:call-template name="fmt-bce">
          <xsl:with-param name="bce" select="$buyer/@bce"/>
        </xsl:call-template>
      </field>
      <field label="Réseau d’enseignement"><xsl:value-of select="$buyer/t:networkLabel"/></field>
      <field>
        <xsl:attribute name="label">
          <xsl:choose>
            <xsl:when test="count($schools) &gt; 1">Établissements scolaires</xsl:when>
            <xsl:otherwise>Établissement scolaire</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:for-each select="$schools">
          <xsl:if test="position() &gt; 1"><br/></xsl:if>
          <xsl:value-of select="concat(t:name, ' (FASE ', @fase, ')')"/>
        </xsl:for-each>
      </field>
      <field label="Objet"><xsl:value-of select="$object"/></field>
      <field label="Lots">
        <xsl:choose>
          <xsl:when test="$nlots = 1">Lot unique</xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$lots">
              <xsl:if test="position() &gt; 1"><br/></xsl:if>
              <xsl:value-of select="concat('Lot ', @number, '&#160;: ', t:title)"/>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </field>
      <field label="Procédure">
        <xsl:value-of select="concat($T/t:procedure/t:label, ' (', $T/t:procedure/t:legalBasis, ')')"/>
      </field>
      <field label="Publicité">
        <xsl:call-template name="publication-label">
          <xsl:with-param name="code" select="$publication"/>
        </xsl:call-template>
      </field>
      <field label="Code CPV principal">
        <xsl:call-template name="cpv-label">
          <xsl:with-param name="code" select="$T/t:cpv/@main"/>
        </xsl:call-template>
      </field>
      <field>
        <xsl:attribute name="label">
          <xsl:choose>
            <xsl:when test="$publication = 'none'">Date d’envoi de l’invitation</xsl:when>
            <xsl:otherwise>Date de publication</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="fmt-date">
          <xsl:with-param name="date" select="$T/t:dates/@publication"/>
        </xsl:call-template>
      </field>
      <field label="Date limite de réception des offres">
        <strong>
          <xsl:call-template name="fmt-deadline-long">
            <xsl:with-param name="deadline" select="$T/t:dates/@deadline"/>
          </xsl:call-template>
        </strong>
      </field>
      <field label="Livraison au plus tard le">
        <xsl:call-template name="fmt-date">
          <xsl:with-param name="date" select="$T/t:dates/@delivery"/>
        </xsl:call-template>
      </field>
    </cover>
  </xsl:template>

</xsl:stylesheet>
