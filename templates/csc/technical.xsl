<?xml version="1.0" encoding="UTF-8"?>
<!-- Section 3 of the CSC: technical specifications, one subsection per lot
     with its minimum requirements (pass/fail, "à peine d'exclusion") and its
     scored features (points of the technical award criterion). Included by
     csc.xsl. Requirement wording comes from the tender (catalogue); the
     operator and unit wording from common.xsl. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="urn:tenderpack:tender:1"
                xmlns="urn:tenderpack:document:1"
                exclude-result-prefixes="t">

  <xsl:template name="technical-part">
    <section id="technique">
      <heading>Prescriptions techniques</heading>
      <p>Les prescriptions ci-dessous décrivent, pour chaque lot, les exigences minimales
        auxquelles chaque appareil offert doit satisfaire et les caractéristiques cotées qui
        rapportent des points. Toute mention d’une marque, d’une norme, d’un label ou d’un
        système s’entend «&#160;ou équivalent&#160;»&#160;; le soumissionnaire qui invoque une équivalence en
        apporte la preuve dans son offre.</p>
      <section id="technique-general">
        <heading>Dispositions communes à tous les lots</heading>
        <list>
          <item>Les fournitures sont neuves, de première qualité, et correspondent à un modèle
            commercialisé à la date de l’offre. Toutes les unités d’un lot sont du même
            modèle.</item>
          <item>Elles sont conformes à la réglementation européenne applicable (notamment le
            marquage CE et la limitation des substances dangereuses).</item>
          <item>L’interface, la documentation d’utilisation et le service après-vente sont en
            français.</item>
          <item>Le soumissionnaire complète, pour chaque lot offert, le questionnaire technique de
            l’annexe C&#160;: il y indique la valeur offerte pour chaque exigence et chaque
            caractéristique cotée, identifiée par sa référence, et joint la fiche technique du
            fabricant qui la justifie.</item>
          <item>Une valeur non indiquée ou non justifiée est considérée comme non offerte. Le
            pouvoir adjudicateur peut demander la mise à disposition gratuite d’un appareil de
            démonstration pour vérifier les valeurs annoncées.</item>
        </list>
      </section>
      <xsl:for-each select="$lots">
        <xsl:call-template name="technical-lot"/>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- One lot; the context node is a t:lot. -->
  <xsl:template name="technical-lot">
    <xsl:variable name="tech" select="$T/t:awardCriteria/t:criterion[@id = 'technical']"/>
    <section id="technique-lot-{@number}">
      <heading>
        <xsl:choose>
          <xsl:when test="$nlots = 1">Lot unique&#160;: </xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('Lot ', @number, '&#160;: ')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="t:title"/>
      </heading>
      <p>Quantité&#160;: <xsl:apply-templates select="@quantity" mode="int"/><xsl:text> </xsl:text>
        <xsl:call-template name="device-label">
          <xsl:with-param name="device" select="@device"/>
          <xsl:with-param name="n" select="@quantity"/>
        </xsl:call-template>. Code CPV principal&#160;:
        <xsl:call-template name="cpv-label"><xsl:with-param name="code" select="t:cpv/@main"/></xsl:call-template>.</p>

      <section id="exigences-lot-{@number}">
        <heading>Exigences minimales</heading>
        <xsl:choose>
          <xsl:when test="t:requirements/t:requirement">
            <p><strong>Exigences minimales — à peine d’exclusion.</strong> Chaque appareil offert
              satisfait à toutes les exigences ci-dessous. Une seule exigence non satisfaite rend
              l’offre substantiellement irrégulière pour ce lot.</p>
            <table widths="25 39 25 11">
              <row kind="head">
                <cell>Réf.</cell>
                <cell>Caractéristique</cell>
                <cell>Exigence minimale</cell>
                <cell>Unité</cell>
              </row>
              <xsl:for-each select="t:requirements/t:requirement">
                <row>
                  <cell><xsl:value-of select="@id"/></cell>
                  <cell>
                    <xsl:value-of select="t:label"/>
                    <xsl:if test="@tightened = 'true'"><xsl:text> </xsl:text><em>(exigence renforcée *)</em></xsl:if>
                  </cell>
                  <cell><xsl:apply-templates select="." mode="value"/></cell>
                  <cell>
                    <xsl:call-template name="unit-column">
                      <xsl:with-param name="unit" select="string(@unit)"/>
                    </xsl:call-template>
                  </cell>
                </row>
              </xsl:for-each>
            </table>
            <xsl:if test="t:requirements/t:requirement[@tightened = 'true']">
              <p><em>* Exigence renforcée par le pouvoir adjudicateur par rapport au socle de
                référence des appareils pour élèves, pour répondre aux besoins propres de ses
                établissements.</em></p>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <p>Aucune exigence minimale particulière n’est fixée pour ce lot, hors les
              dispositions communes à tous les lots.</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>

      <section id="cotation-lot-{@number}">
        <heading>Caractéristiques cotées</heading>
        <xsl:choose>
          <xsl:when test="t:scoredCriteria/t:scored">
            <p>Ces caractéristiques ne sont pas obligatoires. Elles rapportent les points
              indiqués, qui forment la note du critère
              «&#160;<xsl:value-of select="$tech/t:label"/>&#160;»<xsl:if test="$tech"> (<xsl:value-of select="$tech/@weight"/>&#160;points
              sur 100)</xsl:if>. Échelle&#160;: 0 point à la première valeur, tous les points à la
              seconde, proportionnellement entre les deux&#160;; pour une caractéristique «&#160;Oui /
              Non&#160;», les points sont acquis si elle est offerte.</p>
            <table widths="25 39 25 11">
              <row kind="head">
                <cell>Réf.</cell>
                <cell>Caractéristique</cell>
                <cell>Échelle</cell>
                <cell align="right">Points</cell>
              </row>
              <xsl:for-each select="t:scoredCriteria/t:scored">
                <row>
                  <cell><xsl:value-of select="@id"/></cell>
                  <cell><xsl:value-of select="t:label"/></cell>
                  <cell><xsl:apply-templates select="." mode="scale"/></cell>
                  <cell align="right"><xsl:value-of select="@maxPoints"/></cell>
                </row>
              </xsl:for-each>
              <row kind="foot">
                <cell colspan="3">Total des points techniques du lot</cell>
                <cell align="right"><xsl:value-of select="sum(t:scoredCriteria/t:scored/@maxPoints)"/></cell>
              </row>
            </table>
          </xsl:when>
          <xsl:otherwise>
            <p>Aucune caractéristique n’est cotée pour ce lot.</p>
          </xsl:otherwise>
        </xsl:choose>
      </section>

      <xsl:if test="t:options/t:option">
        <section id="options-lot-{@number}">
          <heading>Options exigées</heading>
          <list>
            <xsl:for-each select="t:options/t:option">
              <item>
                <strong><xsl:value-of select="t:label"/></strong>
                <xsl:text> (quantité&#160;: </xsl:text>
                <xsl:apply-templates select="@quantity" mode="int"/>
                <xsl:text>)&#160;: </xsl:text>
                <xsl:apply-templates select="." mode="option-spec"/>
              </item>
            </xsl:for-each>
          </list>
        </section>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- What each kind of option must provide. -->
  <xsl:template match="t:option[@kind = 'extended-warranty']" mode="option-spec">
    <xsl:value-of select="concat('la garantie du lot, aux mêmes conditions, est portée à ', @years,
                                 ' ans à compter de la réception provisoire, pour chaque appareil.')"/>
  </xsl:template>
  <xsl:template match="t:option[@kind = 'accidental-damage']" mode="option-spec">
    <xsl:value-of select="concat('réparation ou remplacement des appareils endommagés par accident (chute, choc, liquide) pendant ',
                                 @years, ' ans à compter de la réception provisoire&#160;; les exclusions et la franchise éventuelle sont indiquées dans l’offre.')"/>
  </xsl:template>
  <xsl:template match="t:option[@kind = 'charging-cart']" mode="option-spec">
    <xsl:text>chariot mobile fermant à clé, qui range et recharge simultanément les appareils indiqués, avec protection contre les surcharges et gestion du câblage.</xsl:text>
  </xsl:template>
  <xsl:template match="t:option[@kind = 'protective-sleeve']" mode="option-spec">
    <xsl:text>housse rembourrée, adaptée aux dimensions de l’appareil offert, protégeant aussi les coins.</xsl:text>
  </xsl:template>
  <xsl:template match="t:option" mode="option-spec">
    <xsl:text>selon la description de l’inventaire.</xsl:text>
  </xsl:template>

</xsl:stylesheet>
