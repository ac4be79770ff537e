<?xml version="1.0" encoding="UTF-8"?>
<!-- Rapport d'évaluation des offres (PV d'évaluation and proposed award
     decision), from the evaluation XML (urn:tenderpack:evaluation:1,
     docs/EVALUATION.md §9) to the document vocabulary
     (urn:tenderpack:document:1, schemas/document.xsd).
     This file: parameters, metadata, header and footer, cover page, the
     tender and the bids received, the proposed decision and what follows it.
     One section per lot: lot.xsl. French formatting: ../csc/common.xsl. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tenderpack:evaluation:1"
                xmlns="urn:tenderpack:document:1"
                exclude-result-prefixes="e">

  <xsl:include href="../csc/common.xsl"/>
  <xsl:include href="lot.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- The report's date (YYYY-MM-DD): the command passes SOURCE_DATE_EPOCH's
       day or the deadline's; never the clock. -->
  <xsl:param name="date" select="substring(/e:evaluation/e:tender/@deadline, 1, 10)"/>

  <xsl:key name="bid" match="e:bids/e:bid" use="@id"/>

  <xsl:variable name="E" select="/e:evaluation"/>
  <xsl:variable name="T" select="$E/e:tender"/>
  <xsl:variable name="ref" select="string($T/@reference)"/>
  <xsl:variable name="proc" select="string($T/@procedure)"/>
  <xsl:variable name="lots" select="$E/e:lots/e:lot"/>
  <xsl:variable name="nlots" select="count($lots)"/>
  <xsl:variable name="standstill" select="number(concat('0', $T/@standstillDays))"/>
  <xsl:variable name="organ">
    <xsl:call-template name="po-organ">
      <xsl:with-param name="form" select="string($T/e:buyer/@legalForm)"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- ============================================================ document -->

  <xsl:template match="/">
    <xsl:if test="not($E) or $E/@version != '1'">
      <xsl:message terminate="yes">report.xsl needs an evaluation XML of version 1 (urn:tenderpack:evaluation:1).</xsl:message>
    </xsl:if>
    <document lang="fr">
      <meta>
        <title><xsl:value-of select="concat('Rapport d’évaluation des offres – marché ', $ref)"/></title>
        <subject>Examen de la régularité des offres, classement et proposition d’attribution</subject>
        <xsl:if test="string($T/e:buyer) != ''">
          <author><xsl:value-of select="$T/e:buyer"/></author>
        </xsl:if>
        <keywords>
          <xsl:text>marché public, rapport d’évaluation, attribution, </xsl:text>
          <xsl:call-template name="procedure-label">
            <xsl:with-param name="code" select="$proc"/>
          </xsl:call-template>
        </keywords>
        <date><xsl:value-of select="$date"/></date>
      </meta>
      <header><xsl:value-of select="concat('Rapport d’évaluation des offres – ', $ref)"/></header>
      <footer>
        <xsl:value-of select="concat($T/e:buyer, ' – Rapport d’évaluation ', $ref)"/>
      </footer>
      <xsl:call-template name="cover"/>
      <toc/>
      <xsl:call-template name="tender-section"/>
      <xsl:call-template name="bids-section"/>
      <xsl:apply-templates select="$lots"/>
      <xsl:call-template name="decision-section"/>
      <xsl:call-template name="next-steps-section"/>
    </document>
  </xsl:template>

  <!-- ============================================================ helpers -->

  <!-- Score in hundredths, French: "82,62". -->
  <xsl:template name="fmt-score">
    <xsl:param name="s"/>
    <xsl:value-of select="format-number(number($s), '0,00', 'fr')"/>
  </xsl:template>

  <!-- Receipt time as written: "1er décembre 2026 à 16 h 42"; UTC times say so. -->
  <xsl:template name="fmt-received">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="string-length($t) &lt; 16">—</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="fmt-deadline">
          <xsl:with-param name="deadline" select="$t"/>
        </xsl:call-template>
        <xsl:if test="substring($t, string-length($t)) = 'Z'"> (UTC)</xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Informatique Mosane SA (offre B0001)"; the supplier's name may be missing in an unreadable bid. -->
  <xsl:template name="supplier-name">
    <xsl:param name="node" select="."/>
    <xsl:choose>
      <xsl:when test="string($node/e:supplier) != ''"><xsl:value-of select="$node/e:supplier"/></xsl:when>
      <xsl:otherwise>Soumissionnaire non identifié</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One finding as a list item: code, requirement or line id, French message, legal basis. -->
  <xsl:template match="e:finding">
    <item>
      <strong><xsl:value-of select="@code"/></strong>
      <xsl:if test="@ref">
        <xsl:value-of select="concat(' (', @ref, ')')"/>
      </xsl:if>
      <xsl:value-of select="concat('&#160;: ', e:message)"/>
      <xsl:if test="string(e:basis) != ''">
        <xsl:text> – </xsl:text>
        <em><xsl:value-of select="e:basis"/></em>
      </xsl:if>
    </item>
  </xsl:template>

  <!-- ============================================================ cover page -->

  <xsl:template name="cover">
    <cover>
      <title>Rapport d’évaluation des offres</title>
      <subtitle>Marché public de fournitures</subtitle>
      <subtitle><xsl:value-of select="concat('Référence&#160;: ', $ref)"/></subtitle>
      <field label="Pouvoir adjudicateur"><xsl:value-of select="$T/e:buyer"/></field>
      <field label="Procédure">
        <xsl:call-template name="procedure-label">
          <xsl:with-param name="code" select="$proc"/>
        </xsl:call-template>
      </field>
      <field label="Lots">
        <xsl:for-each select="$lots">
          <xsl:if test="position() &gt; 1"><br/></xsl:if>
          <xsl:value-of select="concat('Lot ', @number, '&#160;: ', e:title)"/>
        </xsl:for-each>
      </field>
      <field label="Date limite de réception des offres">
        <xsl:call-template name="fmt-deadline-long">
          <xsl:with-param name="deadline" select="$T/@deadline"/>
        </xsl:call-template>
      </field>
      <field label="Offres reçues"><xsl:value-of select="$E/e:bids/@count"/></field>
      <field label="Date du rapport">
        <xsl:call-template name="fmt-date"><xsl:with-param name="date" select="$date"/></xsl:call-template>
      </field>
      <field label="Destinataire">
        <xsl:value-of select="concat('Pour décision par ', $organ)"/>
      </field>
    </cover>
  </xsl:template>

  <!-- ============================================================ 1. the tender -->

  <xsl:template name="tender-section">
    <section id="marche">
      <heading>Objet du rapport et rappel du marché</heading>
      <p>
        <xsl:text>Le présent rapport rend compte de l’examen des offres reçues pour le marché </xsl:text>
        <strong><xsl:value-of select="$ref"/></strong>
        <xsl:text>, passé par </xsl:text>
        <xsl:call-template name="procedure-label">
          <xsl:with-param name="code" select="$proc"/>
        </xsl:call-template>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="publication-label">
          <xsl:with-param name="code" select="$T/@publication"/>
        </xsl:call-template>
        <xsl:text>). Les offres devaient parvenir au plus tard le </xsl:text>
        <xsl:call-template name="fmt-deadline-long">
          <xsl:with-param name="deadline" select="$T/@deadline"/>
        </xsl:call-template>
        <xsl:text>. Il vérifie la régularité de chaque offre, corrige les erreurs arithmétiques, applique les critères d’attribution publiés, classe les offres régulières et propose une décision d’attribution à </xsl:text>
        <xsl:value-of select="$organ"/>
        <xsl:text>.</xsl:text>
      </p>
      <p>
        <xsl:text>Montant estimé du marché&#160;: </xsl:text>
        <xsl:call-template name="fmt-money"><xsl:with-param name="amount" select="$T/@estimateHtva"/></xsl:call-template>
        <xsl:text> HTVA (TVA </xsl:text>
        <xsl:value-of select="$T/@vatRate"/>
        <xsl:text>&#160;%)</xsl:text>
        <xsl:if test="$T/@budgetTvac">
          <xsl:text>&#160;; budget disponible&#160;: </xsl:text>
          <xsl:call-template name="fmt-money"><xsl:with-param name="amount" select="$T/@budgetTvac"/></xsl:call-template>
          <xsl:text> TVAC</xsl:text>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:if test="$T/e:criteria/e:criterion">
        <p>Les offres régulières sont classées selon les critères d’attribution publiés dans le cahier spécial des charges&#160;:</p>
        <table widths="70 30" keep-together="true">
          <row kind="head"><cell>Critère d’attribution</cell><cell align="right">Pondération</cell></row>
          <xsl:for-each select="$T/e:criteria/e:criterion">
            <row>
              <cell><xsl:value-of select="."/></cell>
              <cell align="right"><xsl:value-of select="concat(@weight, '&#160;points')"/></cell>
            </row>
          </xsl:for-each>
          <row kind="foot">
            <cell>Total</cell>
            <cell align="right"><xsl:value-of select="concat(sum($T/e:criteria/e:criterion/@weight), '&#160;points')"/></cell>
          </row>
        </table>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ 2. bids received -->

  <xsl:template name="bids-section">
    <xsl:variable name="bids" select="$E/e:bids/e:bid"/>
    <section id="offres-recues">
      <heading>Offres reçues</heading>
      <p>
        <xsl:value-of select="concat(count($bids), ' offre')"/>
        <xsl:call-template name="plural"><xsl:with-param name="n" select="count($bids)"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="count($bids) &gt; 1"> ont été reçues</xsl:when>
          <xsl:otherwise> a été reçue</xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('&#160;; ', $E/e:bids/@excluded)"/>
        <xsl:choose>
          <xsl:when test="number($E/e:bids/@excluded) &gt; 1"> sont écartées dans leur ensemble</xsl:when>
          <xsl:otherwise> est écartée dans son ensemble</xsl:otherwise>
        </xsl:choose>
        <xsl:text> (offre tardive, illisible, non signée ou étrangère au marché). Les autres sont examinées lot par lot.</xsl:text>
      </p>
      <xsl:if test="$bids">
        <table widths="10 40 30 20">
          <row kind="head">
            <cell>Offre</cell><cell>Soumissionnaire</cell><cell>Réception</cell><cell>Statut</cell>
          </row>
          <xsl:for-each select="$bids">
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell>
                <xsl:call-template name="supplier-name"/>
                <xsl:if test="@vat"><br/><xsl:value-of select="concat('TVA ', @vat)"/></xsl:if>
              </cell>
              <cell>
                <xsl:call-template name="fmt-received"><xsl:with-param name="t" select="string(@receivedAt)"/></xsl:call-template>
              </cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="@late = 'true'">Tardive, non ouverte</xsl:when>
                  <xsl:when test="@status = 'excluded'">Écartée</xsl:when>
                  <xsl:otherwise>Examinée</xsl:otherwise>
                </xsl:choose>
              </cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:if>
      <xsl:if test="$bids[@status = 'excluded']">
        <section>
          <heading>Offres écartées dans leur ensemble</heading>
          <xsl:for-each select="$bids[@status = 'excluded']">
            <p align="left">
              <strong><xsl:call-template name="supplier-name"/></strong>
              <xsl:value-of select="concat(' (offre ', @id, ', fichier ', @source, ')')"/>
            </p>
            <xsl:if test="e:findings/e:finding">
              <list><xsl:apply-templates select="e:findings/e:finding"/></list>
            </xsl:if>
          </xsl:for-each>
        </section>
      </xsl:if>
      <!-- BID-REGULARISATION is told with the excluded offer it concerns (lot sections). -->
      <xsl:variable name="bid-remarks" select="$bids[@status = 'regular']/e:findings/e:finding[@code != 'BID-REGULARISATION']"/>
      <xsl:if test="$bid-remarks">
        <section>
          <heading>Remarques sur les autres offres</heading>
          <xsl:for-each select="$bids[@status = 'regular'][e:findings/e:finding[@code != 'BID-REGULARISATION']]">
            <p align="left">
              <strong><xsl:call-template name="supplier-name"/></strong>
              <xsl:value-of select="concat(' (offre ', @id, ')')"/>
            </p>
            <list><xsl:apply-templates select="e:findings/e:finding[@code != 'BID-REGULARISATION']"/></list>
          </xsl:for-each>
        </section>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ proposed decision -->

  <xsl:template name="decision-section">
    <section id="decision">
      <heading>Proposition de décision d’attribution</heading>
      <p>
        <xsl:text>Sur la base de l’examen qui précède, il est proposé à </xsl:text>
        <xsl:value-of select="$organ"/>
        <xsl:text> de prendre la décision suivante&#160;:</xsl:text>
      </p>
      <table widths="12 40 24 24" keep-together="true">
        <row kind="head">
          <cell>Lot</cell><cell>Adjudicataire proposé</cell>
          <cell align="right">Montant HTVA</cell><cell align="right">Montant TVAC</cell>
        </row>
        <xsl:for-each select="$lots">
          <row>
            <cell><xsl:value-of select="@number"/></cell>
            <xsl:choose>
              <xsl:when test="e:award">
                <cell>
                  <strong><xsl:value-of select="e:award/e:supplier"/></strong>
                  <br/><xsl:value-of select="concat('TVA ', e:award/@vat, ' – offre ', e:award/@bid)"/>
                </cell>
                <cell align="right"><xsl:apply-templates select="e:award/@htva" mode="money"/></cell>
                <cell align="right"><xsl:apply-templates select="e:award/@tvac" mode="money"/></cell>
              </xsl:when>
              <xsl:otherwise>
                <cell colspan="3"><em>Aucune offre régulière&#160;: le lot ne peut pas être attribué.</em></cell>
              </xsl:otherwise>
            </xsl:choose>
          </row>
        </xsl:for-each>
        <row kind="foot">
          <cell colspan="2">Total des attributions proposées</cell>
          <cell align="right"><xsl:apply-templates select="$E/e:summary/@awardsHtva" mode="money"/></cell>
          <cell align="right"><xsl:apply-templates select="$E/e:summary/@awardsTvac" mode="money"/></cell>
        </row>
      </table>
      <xsl:if test="$E/e:summary/@budgetTvac">
        <p>
          <xsl:text>Budget disponible&#160;: </xsl:text>
          <xsl:apply-templates select="$E/e:summary/@budgetTvac" mode="money"/>
          <xsl:text> TVAC. </xsl:text>
          <xsl:choose>
            <xsl:when test="number($E/e:summary/@awardsTvac) &gt; number($E/e:summary/@budgetTvac)">
              <strong>Le total des attributions proposées dépasse le budget&#160;: </strong>
              <xsl:text>le pouvoir adjudicateur doit dégager les moyens nécessaires ou renoncer à attribuer tout ou partie du marché.</xsl:text>
            </xsl:when>
            <xsl:otherwise>Le total des attributions proposées respecte le budget.</xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:if>
      <xsl:if test="$lots[e:offers/e:offer[@winner = 'true' and @abnormallyLow = 'true']]">
        <p>
          <strong>Réserve&#160;: </strong>
          <xsl:text>l’offre proposée pour le</xsl:text>
          <xsl:if test="count($lots[e:offers/e:offer[@winner = 'true' and @abnormallyLow = 'true']]) &gt; 1">s</xsl:if>
          <xsl:text> lot</xsl:text>
          <xsl:if test="count($lots[e:offers/e:offer[@winner = 'true' and @abnormallyLow = 'true']]) &gt; 1">s</xsl:if>
          <xsl:for-each select="$lots[e:offers/e:offer[@winner = 'true' and @abnormallyLow = 'true']]">
            <xsl:value-of select="concat(' ', @number)"/>
            <xsl:if test="position() != last()">,</xsl:if>
          </xsl:for-each>
          <xsl:text> présente un prix apparemment anormalement bas&#160;: la décision ne peut être prise qu’après réception et examen de la justification écrite demandée au soumissionnaire (AR du 18 avril 2017, art. 35 et 36).</xsl:text>
        </p>
      </xsl:if>
      <xsl:if test="$E/e:findings/e:finding">
        <p align="left">Remarques sur l’ensemble du marché&#160;:</p>
        <list><xsl:apply-templates select="$E/e:findings/e:finding"/></list>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ what follows -->

  <xsl:template name="next-steps-section">
    <section id="suite">
      <heading>Motivation, information et délai d’attente</heading>
      <p>
        <xsl:text>Conformément à la loi du 17 juin 2013 relative à la motivation, à l’information et aux voies de recours en matière de marchés publics, la décision d’attribution doit être </xsl:text>
        <strong>formellement motivée</strong>
        <xsl:text>&#160;: elle reprend les motifs de droit et de fait qui la fondent, c’est-à-dire les motifs d’exclusion des offres écartées et la comparaison des offres régulières selon les critères d’attribution, tels qu’ils figurent dans le présent rapport. La décision motivée est communiquée sans délai à chaque soumissionnaire, avec, pour les soumissionnaires évincés, les motifs du rejet de leur offre.</xsl:text>
      </p>
      <xsl:choose>
        <xsl:when test="$proc = 'faible-montant' or $standstill = 0">
          <p>
            <xsl:text>S’agissant d’un </xsl:text>
            <xsl:choose>
              <xsl:when test="$proc = 'faible-montant'">marché de faible montant</xsl:when>
              <xsl:otherwise>marché non soumis au délai d’attente</xsl:otherwise>
            </xsl:choose>
            <xsl:text>, aucun délai d’attente (standstill) ne s’applique&#160;: le marché peut être conclu dès la notification de la décision à l’adjudicataire.</xsl:text>
          </p>
        </xsl:when>
        <xsl:otherwise>
          <p>
            <xsl:text>Le marché ne peut être conclu qu’à l’expiration d’un </xsl:text>
            <strong>
              <xsl:value-of select="concat('délai d’attente (standstill) de ', $standstill, '&#160;jours')"/>
            </strong>
            <xsl:text> à compter de l’envoi de la décision motivée aux soumissionnaires, pendant lequel un soumissionnaire évincé peut introduire un recours en suspension. La conclusion du marché (notification à l’adjudicataire) intervient ensuite, dans le délai de validité des offres.</xsl:text>
          </p>
        </xsl:otherwise>
      </xsl:choose>
      <p align="left">
        <xsl:text>Établi le </xsl:text>
        <xsl:call-template name="fmt-date"><xsl:with-param name="date" select="$date"/></xsl:call-template>
        <xsl:text>.</xsl:text>
        <br/><br/>
        <xsl:text>Nom, fonction et signature&#160;: </xsl:text>
        <xsl:call-template name="blank"><xsl:with-param name="n" select="40"/></xsl:call-template>
      </p>
    </section>
  </xsl:template>

</xsl:stylesheet>
