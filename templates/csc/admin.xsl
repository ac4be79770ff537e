<?xml version="1.0" encoding="UTF-8"?>
<!-- Section 1 of the CSC: administrative clauses (passation), first half:
     rules, buyer, object and lots, procedure, estimate, publication; the
     rest is in offers.xsl. Included by
     csc.xsl, whose global variables ($T, $proc, $lots, $buyer, $organ…) and
     parameters it uses. The wording changes with the procedure band
     ($proc), the publication, the ESPD threshold, the lots and options and
     the legal form of the PO. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="urn:tenderpack:tender:1"
                xmlns="urn:tenderpack:document:1"
                exclude-result-prefixes="t">

  <xsl:template name="admin-part">
    <section id="administratif">
      <heading>Dispositions administratives</heading>
      <p>Le présent cahier spécial des charges (ci-après «&#160;CSC&#160;») fixe les conditions du marché
        public de fournitures passé par le pouvoir adjudicateur décrit ci-après
        (<xsl:value-of select="$buyer/t:name"/>). Il comprend les
        dispositions administratives relatives à la passation du marché (section 1), les
        dispositions contractuelles relatives à son exécution (section 2), les prescriptions
        techniques de chaque lot (section 3) et les annexes que le soumissionnaire complète et
        joint à son offre.</p>
      <xsl:call-template name="admin-rules"/>
      <xsl:call-template name="admin-buyer"/>
      <xsl:call-template name="admin-object"/>
      <xsl:call-template name="admin-procedure"/>
      <xsl:call-template name="admin-estimate"/>
      <xsl:call-template name="admin-publication"/>
      <xsl:call-template name="admin-exclusion"/>
      <xsl:call-template name="admin-selection"/>
      <xsl:call-template name="admin-submission"/>
      <xsl:call-template name="admin-regularity"/>
      <xsl:call-template name="admin-prices"/>
      <xsl:call-template name="admin-award"/>
      <xsl:call-template name="admin-variants"/>
      <xsl:call-template name="admin-conclusion"/>
    </section>
  </xsl:template>

  <!-- ============================================================ rules -->

  <xsl:template name="admin-rules">
    <section id="reglementation">
      <heading>Réglementation applicable</heading>
      <p>Le marché est régi par les textes suivants, dans leur version en vigueur à la date
        <xsl:choose>
          <xsl:when test="$publication = 'none'">d’envoi de l’invitation à remettre offre</xsl:when>
          <xsl:otherwise>de publication de l’avis de marché</xsl:otherwise>
        </xsl:choose>&#160;:</p>
      <list>
        <item>la loi du 17 juin 2016 relative aux marchés publics&#160;;</item>
        <item>l’arrêté royal du 18 avril 2017 relatif à la passation des marchés publics dans les
          secteurs classiques&#160;;</item>
        <item>l’arrêté royal du 14 janvier 2013 établissant les règles générales d’exécution des
          marchés publics (ci-après «&#160;RGE&#160;»)&#160;;</item>
        <item>la loi du 17 juin 2013 relative à la motivation, à l’information et aux voies de
          recours en matière de marchés publics&#160;;</item>
        <item>le règlement (UE) 2016/679 (règlement général sur la protection des données), pour
          les données à caractère personnel échangées à l’occasion du marché.</item>
      </list>
      <xsl:if test="$proc = 'faible-montant'">
        <p>S’agissant d’un marché de faible montant, les RGE ne s’appliquent que dans la mesure
          prévue par l’arrêté royal du 14 janvier 2013. Les clauses d’exécution de la section 2
          s’appliquent en tout état de cause comme clauses contractuelles.</p>
      </xsl:if>
      <section id="derogations">
        <heading>Dérogations aux règles générales d’exécution</heading>
        <xsl:choose>
          <xsl:when test="normalize-space($derogations) = ''">
            <p>Le présent CSC ne déroge à aucune disposition des règles générales
              d’exécution.</p>
          </xsl:when>
          <xsl:otherwise>
            <p>Le présent CSC déroge aux règles générales d’exécution sur les points suivants,
              pour les motifs indiqués&#160;: <xsl:value-of select="$derogations"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </section>
  </xsl:template>

  <!-- ============================================================ buyer -->

  <xsl:template name="admin-buyer">
    <section id="pouvoir-adjudicateur">
      <heading>Pouvoir adjudicateur</heading>
      <table widths="34 66" keep-together="true">
        <row>
          <cell>Dénomination</cell>
          <cell><strong><xsl:value-of select="$buyer/t:name"/></strong></cell>
        </row>
        <row>
          <cell>Nature</cell>
          <cell><xsl:call-template name="po-nature"><xsl:with-param name="form" select="$form"/></xsl:call-template></cell>
        </row>
        <row>
          <cell>Siège</cell>
          <cell><xsl:apply-templates select="$buyer/t:address" mode="address"/></cell>
        </row>
        <row>
          <cell>Numéro d’entreprise (BCE)</cell>
          <cell><xsl:call-template name="fmt-bce"><xsl:with-param name="bce" select="$buyer/@bce"/></xsl:call-template></cell>
        </row>
        <row>
          <cell>Numéro de TVA</cell>
          <cell><xsl:value-of select="$buyer/@vat"/></cell>
        </row>
        <row>
          <cell>Numéro FASE du pouvoir organisateur</cell>
          <cell><xsl:value-of select="$buyer/@fase"/></cell>
        </row>
        <row>
          <cell>Réseau d’enseignement</cell>
          <cell><xsl:value-of select="$buyer/t:networkLabel"/></cell>
        </row>
        <xsl:if test="$buyer/@federation and $buyer/@federation != 'wbe'">
          <row>
            <cell>Fédération de pouvoirs organisateurs</cell>
            <cell>
              <xsl:call-template name="federation-label">
                <xsl:with-param name="code" select="$buyer/@federation"/>
              </xsl:call-template>
            </cell>
          </row>
        </xsl:if>
        <row>
          <cell>Représenté par</cell>
          <cell><xsl:value-of select="concat($buyer/t:signatory/t:name, ', ', $buyer/t:signatory/t:role)"/></cell>
        </row>
        <row>
          <cell>Personne de contact</cell>
          <cell>
            <xsl:value-of select="$buyer/t:contact/t:name"/><br/>
            <xsl:value-of select="concat('Courriel&#160;: ', $buyer/t:contact/t:email)"/><br/>
            <xsl:value-of select="concat('Téléphone&#160;: ', translate($buyer/t:contact/t:phone, ' ', '&#160;'))"/>
          </cell>
        </row>
      </table>
      <p>Les décisions relatives au marché (approbation des documents du marché, choix de
        l’adjudicataire) sont prises par <xsl:value-of select="$organ"/>. Toute question relative
        au marché est adressée par écrit à la personne de contact.</p>
      <section id="etablissements">
        <heading>
          <xsl:choose>
            <xsl:when test="count($schools) = 1">Établissement concerné</xsl:when>
            <xsl:otherwise>Établissements concernés</xsl:otherwise>
          </xsl:choose>
        </heading>
        <p>Le marché est passé pour les besoins
          <xsl:choose>
            <xsl:when test="count($schools) = 1">de l’établissement d’enseignement secondaire
              suivant</xsl:when>
            <xsl:otherwise>des <xsl:value-of select="count($schools)"/>&#160;établissements
              d’enseignement secondaire suivants</xsl:otherwise>
          </xsl:choose>
          du pouvoir organisateur.
          <xsl:choose>
            <xsl:when test="count($schools/t:implantations/t:implantation) = 1">Son implantation,
              qui est le lieu de livraison, figure</xsl:when>
            <xsl:otherwise>Les implantations, qui sont les lieux de livraison, figurent</xsl:otherwise>
          </xsl:choose>
          à l’annexe D.</p>
        <table widths="38 10 24 12 16" keep-together="true">
          <row kind="head">
            <cell>Établissement</cell>
            <cell align="center">FASE</cell>
            <cell>Type d’enseignement</cell>
            <cell align="right">Élèves</cell>
            <cell align="right">Stock 5&#160;%</cell>
          </row>
          <xsl:for-each select="$schools">
            <row>
              <cell><xsl:value-of select="t:name"/></cell>
              <cell align="center"><xsl:value-of select="@fase"/></cell>
              <cell><xsl:value-of select="t:typeLabel"/></cell>
              <cell align="right"><xsl:apply-templates select="t:pupils/@total" mode="int"/></cell>
              <cell align="right"><xsl:apply-templates select="@minimumStock" mode="int"/></cell>
            </row>
          </xsl:for-each>
          <row kind="foot">
            <cell colspan="3">Total du pouvoir organisateur</cell>
            <cell align="right"><xsl:apply-templates select="$T/t:schools/@pupils" mode="int"/></cell>
            <cell align="right"><xsl:apply-templates select="$T/t:schools/@minimumStock" mode="int"/></cell>
          </row>
        </table>
      </section>
    </section>
  </xsl:template>

  <!-- ============================================================ object and lots -->

  <xsl:template name="admin-object">
    <section id="objet">
      <heading>Objet du marché et lots</heading>
      <p>Le marché a pour objet la fourniture <xsl:value-of select="$object-items"/>. Il comprend la livraison
        franco des fournitures dans les implantations désignées à l’annexe D, leur mise en service
        telle que décrite dans les prescriptions techniques et la garantie.</p>
      <xsl:choose>
        <xsl:when test="$nlots &gt; 1">
          <p>Le marché est divisé en <xsl:value-of select="$nlots"/>&#160;lots. Le soumissionnaire peut
            remettre offre pour un, plusieurs ou tous les lots&#160;; une offre porte sur l’intégralité
            d’un lot. Chaque lot est attribué séparément. Un rabais offert à condition d’obtenir
            plusieurs lots n’est pas pris en considération.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>Le marché n’est pas divisé en lots&#160;: la fourniture forme un ensemble homogène (un seul
            modèle d’appareil, une seule garantie, un seul interlocuteur pour le parc), condition
            de sa gestion par les équipes des établissements.</p>
        </xsl:otherwise>
      </xsl:choose>
      <p>Les quantités indiquées sont fermes&#160;; elles ne constituent pas des quantités
        présumées.</p>
      <xsl:for-each select="$lots">
        <section id="objet-lot-{@number}">
          <heading>
            <xsl:choose>
              <xsl:when test="$nlots = 1">Lot unique&#160;: </xsl:when>
              <xsl:otherwise><xsl:value-of select="concat('Lot ', @number, '&#160;: ')"/></xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="t:title"/>
          </heading>
          <table widths="32 68" keep-together="true">
            <row>
              <cell>Quantité</cell>
              <cell>
                <xsl:apply-templates select="@quantity" mode="int"/>
                <xsl:text> </xsl:text>
                <xsl:call-template name="device-label">
                  <xsl:with-param name="device" select="@device"/>
                  <xsl:with-param name="n" select="@quantity"/>
                </xsl:call-template>
              </cell>
            </row>
            <row>
              <cell>Code CPV principal</cell>
              <cell><xsl:call-template name="cpv-label"><xsl:with-param name="code" select="t:cpv/@main"/></xsl:call-template></cell>
            </row>
            <xsl:if test="t:cpv/t:additional">
              <row>
                <cell>Codes CPV supplémentaires</cell>
                <cell>
                  <xsl:for-each select="t:cpv/t:additional">
                    <xsl:if test="position() &gt; 1"><br/></xsl:if>
                    <xsl:call-template name="cpv-label"><xsl:with-param name="code" select="@code"/></xsl:call-template>
                  </xsl:for-each>
                </cell>
              </row>
            </xsl:if>
            <row>
              <cell>Options exigées</cell>
              <cell>
                <xsl:for-each select="t:options/t:option">
                  <xsl:if test="position() &gt; 1"><br/></xsl:if>
                  <xsl:value-of select="t:label"/>
                  <xsl:text> (</xsl:text>
                  <xsl:apply-templates select="@quantity" mode="int"/>
                  <xsl:text>)</xsl:text>
                </xsl:for-each>
                <xsl:if test="not(t:options/t:option)">Aucune</xsl:if>
              </cell>
            </row>
            <row>
              <cell>Prescriptions techniques</cell>
              <cell>
                <xsl:value-of select="concat(count(t:requirements/t:requirement), ' exigence')"/>
                <xsl:call-template name="plural"><xsl:with-param name="n" select="count(t:requirements/t:requirement)"/></xsl:call-template>
                <xsl:text> minimale</xsl:text>
                <xsl:call-template name="plural"><xsl:with-param name="n" select="count(t:requirements/t:requirement)"/></xsl:call-template>
                <xsl:value-of select="concat(', ', count(t:scoredCriteria/t:scored), ' caractéristique')"/>
                <xsl:call-template name="plural"><xsl:with-param name="n" select="count(t:scoredCriteria/t:scored)"/></xsl:call-template>
                <xsl:text> cotée</xsl:text>
                <xsl:call-template name="plural"><xsl:with-param name="n" select="count(t:scoredCriteria/t:scored)"/></xsl:call-template>
                <xsl:text> (section 3)</xsl:text>
              </cell>
            </row>
          </table>
        </section>
      </xsl:for-each>
      <section id="mes-outils-numeriques">
        <heading>Contexte&#160;: l’opération «&#160;Mes outils numériques&#160;»</heading>
        <p>Le marché s’inscrit dans l’opération «&#160;Mes outils numériques&#160;» de la Fédération
          Wallonie-Bruxelles. L’arrêté de pouvoirs spéciaux n° 40 du Gouvernement de la Communauté
          française du 10 décembre 2020 et la circulaire 7831 prévoient une subvention au pouvoir
          organisateur pour constituer un stock d’ordinateurs ou de tablettes prêtés gratuitement
          aux élèves qui ne disposent pas d’un appareil.</p>
        <p>Ce stock doit atteindre au moins 5 % de la population scolaire de l’enseignement
          secondaire du pouvoir organisateur, soit
          <strong><xsl:apply-templates select="$T/t:schools/@minimumStock" mode="int"/>&#160;appareils</strong> pour <xsl:apply-templates select="$T/t:schools/@pupils" mode="int"/>&#160;élèves. Chaque appareil est subventionné à concurrence de 500 € au plus, ce qui plafonne
          la subvention à <xsl:apply-templates select="$T/t:schools/@subsidyCap" mode="money"/>
          pour le pouvoir organisateur.</p>
        <p>Le présent marché porte sur
          <xsl:apply-templates select="$T/t:schools/@devices" mode="int"/>&#160;appareils (accessoires
          non compris)<xsl:if test="number($T/t:schools/@devices) &gt;= number($T/t:schools/@minimumStock)">,
          ce qui permet de constituer le stock minimal</xsl:if>. Ces éléments expliquent les
          quantités demandées&#160;; ils ne créent aucune obligation pour l’adjudicataire, qui ne
          traite qu’avec le pouvoir adjudicateur.</p>
      </section>
    </section>
  </xsl:template>

  <!-- ============================================================ procedure -->

  <xsl:template name="admin-procedure">
    <xsl:variable name="th" select="$T/t:thresholds"/>
    <section id="procedure">
      <heading>Mode de passation</heading>
      <p><strong><xsl:value-of select="$T/t:procedure/t:label"/></strong>
        <xsl:value-of select="concat(' — base légale&#160;: ', $T/t:procedure/t:legalBasis, '.')"/></p>
      <xsl:choose>
        <xsl:when test="$proc = 'faible-montant'">
          <p>Le montant estimé du marché est inférieur au seuil de
            <xsl:apply-templates select="$th/@faibleMontant" mode="money"/> hors TVA fixé pour les
            marchés de faible montant. Le pouvoir adjudicateur consulte les opérateurs économiques
            de son choix, si possible plusieurs, afin de comparer les prix. Le marché est constaté
            par <strong>simple facture acceptée</strong>&#160;: la commande adressée au soumissionnaire
            retenu sur la base de son offre, puis l’acceptation de sa facture, en tiennent
            lieu.</p>
          <p>Si le montant de l’offre à retenir atteignait ce seuil, le marché ne pourrait pas être
            conclu sous cette forme et serait passé par procédure négociée sans publication
            préalable.</p>
        </xsl:when>
        <xsl:when test="$proc = 'pnspp'">
          <p>Le montant estimé du marché est inférieur au seuil de
            <xsl:apply-templates select="$th/@pnspp" mode="money"/> hors TVA fixé pour cette
            procédure. Le marché ne fait pas l’objet d’une publicité préalable&#160;: le pouvoir
            adjudicateur procède à la <strong>consultation d’au moins trois opérateurs
            économiques</strong> de son choix, dans la mesure du possible, en leur adressant le
            présent CSC.</p>
        </xsl:when>
        <xsl:when test="$proc = 'pndapp'">
          <p>Le montant estimé du marché est inférieur au seuil européen de
            <xsl:apply-templates select="$T/t:procedure/@euThreshold" mode="money"/> hors TVA.
            Le marché fait l’objet d’un avis publié au Bulletin des Adjudications&#160;; tout opérateur
            économique intéressé peut remettre une offre.</p>
        </xsl:when>
        <xsl:when test="$proc = 'open'">
          <p>Tout opérateur économique intéressé peut remettre une offre. Aucune négociation n’est
            possible&#160;: les offres sont évaluées telles qu’elles ont été déposées.</p>
          <xsl:if test="$T/t:procedure/@choice = 'requested' and $T/t:procedure/@aboveEuThreshold = 'false'">
            <p>Le montant estimé permettrait une procédure plus simple&#160;; le pouvoir adjudicateur a
              choisi la procédure ouverte afin d’élargir la concurrence.</p>
          </xsl:if>
        </xsl:when>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$negotiated">
          <section id="negociation">
            <heading>Négociation</heading>
            <p>Le pouvoir adjudicateur peut négocier avec les soumissionnaires les offres initiales
              et toutes les offres ultérieures, à l’exception des offres finales, afin d’en
              améliorer le contenu. Il peut aussi attribuer le marché sur la base des offres
              initiales, sans négociation. Les exigences minimales et les critères d’attribution
              ne sont pas négociés. Tous les soumissionnaires sont traités de manière égale&#160;;
              aucune information susceptible d’avantager l’un d’eux n’est communiquée de façon
              discriminatoire.</p>
          </section>
        </xsl:when>
        <xsl:when test="$proc = 'faible-montant'">
          <section id="negociation">
            <heading>Négociation</heading>
            <p>Le pouvoir adjudicateur peut demander des précisions ou négocier les prix et les
              conditions avec les soumissionnaires, dans le respect de l’égalité de
              traitement.</p>
          </section>
        </xsl:when>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================ estimate -->

  <xsl:template name="admin-estimate">
    <xsl:variable name="e" select="$T/t:estimate"/>
    <section id="estimation">
      <heading>Montant estimé du marché</heading>
      <p>À titre indicatif, le montant du marché est estimé à
        <strong><xsl:apply-templates select="$e/@htva" mode="money"/> hors TVA</strong>, soit
        <xsl:apply-templates select="$e/@tvac" mode="money"/> TVA comprise (TVA de
        <xsl:value-of select="$e/@vatRate"/>&#160;%&#160;: <xsl:apply-templates select="$e/@tva" mode="money"/>).</p>
      <p>Cette estimation couvre l’ensemble des besoins de même nature des établissements du
        pouvoir organisateur, options exigées comprises, comme l’exige la réglementation. Elle
        détermine la procédure et la publicité applicables&#160;; elle n’engage pas le pouvoir
        adjudicateur et ne constitue ni un prix plafond ni un prix de référence.</p>
      <table widths="10 46 14 30" keep-together="true">
        <row kind="head">
          <cell align="center">Lot</cell>
          <cell>Intitulé</cell>
          <cell align="right">Quantité</cell>
          <cell align="right">Estimation HTVA</cell>
        </row>
        <xsl:for-each select="$lots">
          <row>
            <cell align="center"><xsl:value-of select="@number"/></cell>
            <cell><xsl:value-of select="t:title"/><xsl:if test="t:options/t:option"> (options exigées comprises)</xsl:if></cell>
            <cell align="right"><xsl:apply-templates select="@quantity" mode="int"/></cell>
            <cell align="right"><xsl:apply-templates select="@estimate" mode="money"/></cell>
          </row>
        </xsl:for-each>
        <row kind="foot">
          <cell colspan="3" align="right">Total hors TVA</cell>
          <cell align="right"><xsl:apply-templates select="$e/@htva" mode="money"/></cell>
        </row>
        <row kind="foot">
          <cell colspan="3" align="right">TVA <xsl:value-of select="$e/@vatRate"/>&#160;%</cell>
          <cell align="right"><xsl:apply-templates select="$e/@tva" mode="money"/></cell>
        </row>
        <row kind="foot">
          <cell colspan="3" align="right">Total TVA comprise</cell>
          <cell align="right"><xsl:apply-templates select="$e/@tvac" mode="money"/></cell>
        </row>
      </table>
    </section>
  </xsl:template>

  <!-- ============================================================ publication -->

  <xsl:template name="admin-publication">
    <section id="publicite">
      <heading>Publicité</heading>
      <xsl:choose>
        <xsl:when test="$publication = 'none'">
          <p>Le marché ne fait pas l’objet d’une publication préalable. Le présent CSC est adressé
            directement aux opérateurs économiques consultés le
            <xsl:apply-templates select="$T/t:dates/@publication" mode="date"/>.</p>
        </xsl:when>
        <xsl:when test="$publication = 'bda'">
          <p>Un avis de marché est publié au <strong>Bulletin des Adjudications</strong> par la
            plateforme fédérale e-Procurement (e-Notification), le
            <xsl:apply-templates select="$T/t:dates/@publication" mode="date"/>. Les documents du
            marché y sont accessibles gratuitement, sans restriction et de manière complète.</p>
        </xsl:when>
        <xsl:when test="$publication = 'ted'">
          <p>Le montant estimé atteint le seuil européen de
            <xsl:apply-templates select="$T/t:procedure/@euThreshold" mode="money"/> hors TVA
            applicable aux marchés de fournitures
            <xsl:choose>
              <xsl:when test="$buyer/@authority = 'central'">des autorités gouvernementales
                centrales</xsl:when>
              <xsl:otherwise>des pouvoirs adjudicateurs sous-centraux</xsl:otherwise>
            </xsl:choose>. Un avis de marché est publié au <strong>Journal officiel de l’Union
            européenne</strong> et au <strong>Bulletin des Adjudications</strong> par la plateforme
            fédérale e-Procurement, le
            <xsl:apply-templates select="$T/t:dates/@publication" mode="date"/>. Les documents du
            marché y sont accessibles gratuitement, sans restriction et de manière complète.</p>
        </xsl:when>
      </xsl:choose>
      <xsl:if test="$publication != 'none'">
        <p>Les éventuels avis rectificatifs, ainsi que les questions posées et les réponses
          apportées, sont publiés au même endroit. Il appartient au soumissionnaire de les
          consulter avant de déposer son offre.</p>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
