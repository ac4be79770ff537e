<?xml version="1.0" encoding="UTF-8"?>
<!-- One section per lot of the evaluation report (included by report.xsl):
     comparison table, excluded offers with their reasons, arithmetic
     corrections, abnormally low prices, other remarks, statistics and the
     proposed award. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tenderpack:evaluation:1"
                xmlns="urn:tenderpack:document:1"
                exclude-result-prefixes="e">

  <!-- Column header of a score: "Prix (60)"; the French word when the
       evaluation carries no criteria. -->
  <xsl:template name="score-head">
    <xsl:param name="id"/>
    <xsl:param name="fallback"/>
    <xsl:variable name="c" select="$T/e:criteria/e:criterion[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$c">
        <xsl:value-of select="$fallback"/>
        <br/>
        <xsl:value-of select="concat('(', $c/@weight, ')')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$fallback"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="e:lot">
    <xsl:variable name="regular" select="e:offers/e:offer[@status = 'regular']"/>
    <xsl:variable name="excluded" select="e:offers/e:offer[@status = 'excluded']"/>
    <section id="{concat('lot-', @number)}">
      <heading><xsl:value-of select="concat('Lot ', @number, ' – ', e:title)"/></heading>
      <p>
        <xsl:value-of select="concat('Quantité&#160;: ', @quantity, '&#160;; montant estimé&#160;: ')"/>
        <xsl:apply-templates select="@estimate" mode="money"/>
        <xsl:value-of select="concat(' HTVA. Offres reçues pour ce lot&#160;: ', e:statistics/@received,
                                     '&#160;; régulières&#160;: ', e:statistics/@regular,
                                     '&#160;; écartées&#160;: ', e:statistics/@excluded, '.')"/>
      </p>

      <section>
        <heading>Comparaison et classement des offres régulières</heading>
        <xsl:choose>
          <xsl:when test="$regular">
            <p>
              <xsl:text>Prix comparé&#160;: le montant HTVA après correction des erreurs arithmétiques (AR du 18 avril 2017, art. 34), options comprises. Scores sur 100, arrondis au centième.</xsl:text>
              <xsl:if test="$regular[@abnormallyLow = 'true']">
                <xsl:text> Un astérisque (*) signale un prix apparemment anormalement bas.</xsl:text>
              </xsl:if>
            </p>
            <table widths="7 24 15 10 13 12 9 10">
              <row kind="head">
                <cell align="center">Rang</cell>
                <cell>Soumissionnaire</cell>
                <cell align="right">Prix HTVA corrigé</cell>
                <cell align="right"><xsl:call-template name="score-head"><xsl:with-param name="id" select="'price'"/><xsl:with-param name="fallback" select="'Prix'"/></xsl:call-template></cell>
                <cell align="right"><xsl:call-template name="score-head"><xsl:with-param name="id" select="'technical'"/><xsl:with-param name="fallback" select="'Technique'"/></xsl:call-template></cell>
                <cell align="right"><xsl:call-template name="score-head"><xsl:with-param name="id" select="'warranty'"/><xsl:with-param name="fallback" select="'Garantie'"/></xsl:call-template></cell>
                <cell align="right"><xsl:call-template name="score-head"><xsl:with-param name="id" select="'delivery'"/><xsl:with-param name="fallback" select="'Délai'"/></xsl:call-template></cell>
                <cell align="right">Total<br/>(100)</cell>
              </row>
              <xsl:for-each select="$regular">
                <row>
                  <cell align="center"><xsl:value-of select="@rank"/></cell>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="@winner = 'true'"><strong><xsl:value-of select="e:supplier"/></strong></xsl:when>
                      <xsl:otherwise><xsl:value-of select="e:supplier"/></xsl:otherwise>
                    </xsl:choose>
                    <br/><xsl:value-of select="concat(@bid, ' – ', e:product/e:brand, ' ', e:product/e:model)"/>
                  </cell>
                  <cell align="right">
                    <xsl:apply-templates select="e:price/@htva" mode="money"/>
                    <xsl:if test="@abnormallyLow = 'true'"> *</xsl:if>
                  </cell>
                  <cell align="right"><xsl:call-template name="fmt-score"><xsl:with-param name="s" select="e:scores/@price"/></xsl:call-template></cell>
                  <cell align="right"><xsl:call-template name="fmt-score"><xsl:with-param name="s" select="e:scores/@technical"/></xsl:call-template></cell>
                  <cell align="right"><xsl:call-template name="fmt-score"><xsl:with-param name="s" select="e:scores/@warranty"/></xsl:call-template></cell>
                  <cell align="right"><xsl:call-template name="fmt-score"><xsl:with-param name="s" select="e:scores/@delivery"/></xsl:call-template></cell>
                  <cell align="right"><strong><xsl:call-template name="fmt-score"><xsl:with-param name="s" select="e:scores/@total"/></xsl:call-template></strong></cell>
                </row>
              </xsl:for-each>
            </table>
            <xsl:if test="$regular/e:findings/e:finding[@code = 'RANK-TIE']">
              <p>Des offres obtiennent le même score total&#160;: elles sont départagées par la note qualité (total moins la note de prix), puis par la réception la plus ancienne, puis par le numéro de TVA, comme le cahier spécial des charges le prévoit.</p>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <p><strong>Aucune offre régulière n’a été reçue pour ce lot&#160;: aucun classement n’est possible.</strong></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>

      <xsl:if test="$excluded">
        <section>
          <heading>Offres écartées</heading>
          <p>Les offres suivantes sont substantiellement irrégulières (AR du 18 avril 2017, art. 76) et ne sont pas classées&#160;:</p>
          <xsl:for-each select="$excluded">
            <xsl:variable name="bid" select="key('bid', @bid)"/>
            <p align="left">
              <strong><xsl:call-template name="supplier-name"/></strong>
              <xsl:value-of select="concat(' (offre ', @bid, ')')"/>
              <xsl:if test="@analysed = 'false'"> – offre non examinée</xsl:if>
            </p>
            <xsl:variable name="reasons" select="$bid/e:findings/e:finding[@severity = 'substantial']
                                                 | e:findings/e:finding[@severity = 'substantial']"/>
            <xsl:choose>
              <xsl:when test="$reasons">
                <list>
                  <xsl:apply-templates select="$reasons"/>
                  <xsl:apply-templates select="$bid/e:findings/e:finding[@code = 'BID-REGULARISATION']"/>
                </list>
              </xsl:when>
              <xsl:otherwise>
                <p>L’évaluation ne précise pas de motif d’exclusion pour cette offre&#160;: à vérifier avant la décision.</p>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </section>
      </xsl:if>

      <xsl:if test="e:offers/e:offer/e:findings/e:finding[@severity = 'correction']">
        <section>
          <heading>Corrections arithmétiques</heading>
          <p>Les erreurs de calcul relevées sont corrigées et les offres sont comparées sur le prix corrigé (AR du 18 avril 2017, art. 34)&#160;:</p>
          <table widths="40 20 20 20" keep-together="true">
            <row kind="head">
              <cell>Soumissionnaire</cell><cell align="right">HTVA remis</cell>
              <cell align="right">HTVA corrigé</cell><cell align="right">TVAC corrigé</cell>
            </row>
            <xsl:for-each select="e:offers/e:offer[e:findings/e:finding[@severity = 'correction']]">
              <row>
                <cell><xsl:value-of select="concat(e:supplier, ' (', @bid, ')')"/></cell>
                <cell align="right"><xsl:apply-templates select="e:price/@submittedHtva" mode="money"/></cell>
                <cell align="right"><xsl:apply-templates select="e:price/@htva" mode="money"/></cell>
                <cell align="right"><xsl:apply-templates select="e:price/@tvac" mode="money"/></cell>
              </row>
            </xsl:for-each>
          </table>
          <list>
            <xsl:apply-templates select="e:offers/e:offer/e:findings/e:finding[@severity = 'correction']"/>
          </list>
        </section>
      </xsl:if>

      <section>
        <heading>Prix anormalement bas</heading>
        <xsl:call-template name="abnormal-prices"/>
      </section>

      <xsl:variable name="remarks"
                    select="$regular/e:findings/e:finding[@severity != 'correction' and @code != 'PRICE-ABNORMAL'
                                                           and @code != 'RANK-TIE']"/>
      <xsl:if test="$remarks">
        <section>
          <heading>Autres remarques sur les offres régulières</heading>
          <p>Irrégularités non substantielles et points d’attention&#160;; ils n’écartent pas l’offre, mais le pouvoir adjudicateur apprécie si, ensemble, elles constituent une irrégularité substantielle (AR du 18 avril 2017, art. 76).</p>
          <xsl:for-each select="$regular[e:findings/e:finding[count(. | $remarks) = count($remarks)]]">
            <p align="left"><strong><xsl:value-of select="e:supplier"/></strong><xsl:value-of select="concat(' (offre ', @bid, ')')"/></p>
            <list><xsl:apply-templates select="e:findings/e:finding[count(. | $remarks) = count($remarks)]"/></list>
          </xsl:for-each>
        </section>
      </xsl:if>

      <section>
        <heading>Statistiques</heading>
        <xsl:call-template name="lot-statistics"/>
      </section>

      <section>
        <heading>Proposition d’attribution</heading>
        <xsl:call-template name="lot-award"/>
      </section>
    </section>
  </xsl:template>

  <!-- The 15 % rule (docs/EVALUATION.md §6): what was computed and who must justify. -->
  <xsl:template name="abnormal-prices">
    <xsl:variable name="st" select="e:statistics"/>
    <xsl:variable name="flagged" select="e:offers/e:offer[@abnormallyLow = 'true']"/>
    <xsl:choose>
      <xsl:when test="not($st/@average)">
        <p>Moins de trois offres régulières&#160;: la comparaison avec la moyenne des offres (règle des 15&#160;%) n’est pas appliquée. Le pouvoir adjudicateur reste tenu de vérifier les prix offerts (AR du 18 avril 2017, art. 35).</p>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:text>Moyenne des offres régulières&#160;: </xsl:text>
          <xsl:apply-templates select="$st/@average" mode="money"/>
          <xsl:value-of select="concat(' HTVA, calculée sur ', $st/@averageCount, ' offre')"/>
          <xsl:call-template name="plural"><xsl:with-param name="n" select="$st/@averageCount"/></xsl:call-template>
          <xsl:if test="number($st/@averageCount) &lt; number($st/@regular)">
            <xsl:text> (l’offre la plus basse et l’offre la plus haute étant écartées du calcul)</xsl:text>
          </xsl:if>
          <xsl:text>. Est considéré comme apparemment anormalement bas un prix inférieur d’au moins 15&#160;% à cette moyenne, soit au plus </xsl:text>
          <xsl:apply-templates select="$st/@abnormalThreshold" mode="money"/>
          <xsl:text> HTVA.</xsl:text>
        </p>
        <xsl:choose>
          <xsl:when test="$flagged">
            <xsl:for-each select="$flagged">
              <p>
                <xsl:text>Le prix de </xsl:text>
                <strong><xsl:value-of select="e:supplier"/></strong>
                <xsl:value-of select="concat(' (offre ', @bid, '), ')"/>
                <xsl:apply-templates select="e:price/@htva" mode="money"/>
                <xsl:text> HTVA, est apparemment anormalement bas. </xsl:text>
                <strong>Une justification écrite du prix doit être demandée au soumissionnaire</strong>
                <xsl:text> (composition du prix, économies du procédé de fabrication, conditions favorables, respect des obligations sociales et environnementales) avant toute décision&#160;; l’offre n’est écartée que si la justification ne permet pas d’expliquer le bas niveau du prix (AR du 18 avril 2017, art. 35 et 36).</xsl:text>
              </p>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <p>Aucun prix n’est apparemment anormalement bas.</p>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="lot-statistics">
    <xsl:variable name="st" select="e:statistics"/>
    <table widths="70 30" keep-together="true">
      <row kind="head"><cell>Indicateur</cell><cell align="right">Valeur</cell></row>
      <row><cell>Offres reçues pour le lot</cell><cell align="right"><xsl:value-of select="$st/@received"/></cell></row>
      <row><cell>Offres régulières</cell><cell align="right"><xsl:value-of select="$st/@regular"/></cell></row>
      <row><cell>Offres écartées</cell><cell align="right"><xsl:value-of select="$st/@excluded"/></cell></row>
      <row><cell>Prix apparemment anormalement bas</cell><cell align="right"><xsl:value-of select="$st/@abnormallyLow"/></cell></row>
      <xsl:if test="$st/@lowest">
        <row><cell>Prix régulier le plus bas (HTVA)</cell><cell align="right"><xsl:apply-templates select="$st/@lowest" mode="money"/></cell></row>
        <row><cell>Prix régulier le plus haut (HTVA)</cell><cell align="right"><xsl:apply-templates select="$st/@highest" mode="money"/></cell></row>
      </xsl:if>
      <xsl:if test="$st/@average">
        <row><cell>Moyenne de la règle des 15&#160;% (HTVA)</cell><cell align="right"><xsl:apply-templates select="$st/@average" mode="money"/></cell></row>
      </xsl:if>
      <row><cell>Montant estimé du lot (HTVA)</cell><cell align="right"><xsl:apply-templates select="@estimate" mode="money"/></cell></row>
    </table>
  </xsl:template>

  <xsl:template name="lot-award">
    <xsl:variable name="a" select="e:award"/>
    <xsl:choose>
      <xsl:when test="$a">
        <xsl:variable name="w" select="e:offers/e:offer[@winner = 'true']"/>
        <p>
          <xsl:value-of select="concat('Il est proposé d’attribuer le lot ', @number, ' à ')"/>
          <strong><xsl:value-of select="$a/e:supplier"/></strong>
          <xsl:value-of select="concat(' (TVA ', $a/@vat, ', offre ', $a/@bid, '), auteur de l’offre régulière économiquement la plus avantageuse, classée première avec ')"/>
          <xsl:call-template name="fmt-score"><xsl:with-param name="s" select="$a/@score"/></xsl:call-template>
          <xsl:text>&#160;points sur 100, pour un montant de </xsl:text>
          <xsl:apply-templates select="$a/@htva" mode="money"/>
          <xsl:text> HTVA, soit </xsl:text>
          <xsl:apply-templates select="$a/@tvac" mode="money"/>
          <xsl:text> TVAC</xsl:text>
          <xsl:if test="$w/e:product/e:brand">
            <xsl:value-of select="concat(' (', $w/e:product/e:brand, ' ', $w/e:product/e:model, ')')"/>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </p>
        <xsl:if test="$w/@abnormallyLow = 'true'">
          <p><strong>Sous réserve de la justification du prix apparemment anormalement bas demandée ci-dessus.</strong></p>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <strong>Aucune offre régulière&#160;: le lot ne peut pas être attribué.</strong>
          <xsl:text> Le pouvoir adjudicateur peut renoncer à attribuer ce lot et, le cas échéant, relancer la procédure pour ce lot.</xsl:text>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
