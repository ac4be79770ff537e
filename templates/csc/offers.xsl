<?xml version="1.0" encoding="UTF-8"?>
<!-- Section 1 of the CSC, second half: exclusion grounds (DUME or implicit
     declaration on honour), selection, form and submission of offers,
     regularity, price verification, award criteria, variants and options,
     award decision and standstill. Called from admin-part (admin.xsl);
     included by csc.xsl, whose global variables and parameters it uses. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="urn:tenderpack:tender:1"
                xmlns="urn:tenderpack:document:1"
                exclude-result-prefixes="t">

  <!-- ============================================================ exclusion -->

  <xsl:template name="admin-exclusion">
    <section id="exclusion">
      <heading>Motifs d’exclusion</heading>
      <xsl:choose>
        <xsl:when test="$espd">
          <p>Le montant estimé du marché atteint le seuil européen&#160;: le soumissionnaire joint à
            son offre le <strong>document unique de marché européen (DUME)</strong>, établi au
            moyen du service DUME de la plateforme e-Procurement. Par le DUME, il déclare sur
            l’honneur ne se trouver dans aucune des situations d’exclusion prévues par la loi du
            17 juin 2016 (condamnations pénales, dettes fiscales et sociales, faillite, faute
            professionnelle grave, conflit d’intérêts, notamment) et satisfaire aux critères de
            sélection. Un seul DUME suffit pour tous les lots auxquels il remet offre.</p>
          <p>Lorsque le soumissionnaire fait valoir les capacités d’autres entités, il joint
            également le DUME de chacune d’elles.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>Le montant estimé du marché n’atteint pas le seuil européen&#160;: le DUME n’est pas
            exigé. Par le seul fait de déposer son offre, le soumissionnaire déclare
            <strong>implicitement sur l’honneur</strong> qu’il ne se trouve dans aucune des
            situations d’exclusion prévues par la loi du 17 juin 2016 (condamnations pénales,
            dettes fiscales et sociales, faillite, faute professionnelle grave, conflit
            d’intérêts, notamment).</p>
        </xsl:otherwise>
      </xsl:choose>
      <p>Le pouvoir adjudicateur vérifie lui-même, au moyen des applications électroniques
        accessibles gratuitement (notamment Telemarc), la situation du soumissionnaire pressenti
        en matière de dettes fiscales et sociales. Il ne demande les autres documents
        justificatifs qu’au soumissionnaire qu’il envisage de désigner, et seulement s’il ne peut
        les obtenir lui-même. Un soumissionnaire qui se trouve dans une situation d’exclusion
        peut faire valoir les mesures correctrices qu’il a prises, ou régulariser ses dettes,
        dans les conditions prévues par la loi.</p>
    </section>
  </xsl:template>

  <!-- ============================================================ selection -->

  <xsl:template name="admin-selection">
    <section id="selection">
      <heading>Sélection qualitative</heading>
      <xsl:choose>
        <xsl:when test="$proc = 'faible-montant'">
          <p>Aucun critère de sélection n’est fixé. Le pouvoir adjudicateur s’assure que
            l’opérateur retenu exerce l’activité de fourniture de matériel informatique et dispose
            d’un service après-vente en français.</p>
        </xsl:when>
        <xsl:otherwise>
          <p><strong>Capacité économique et financière</strong>&#160;: aucune exigence
            particulière.</p>
          <p><strong>Capacité technique et professionnelle</strong>&#160;: le soumissionnaire démontre
            avoir réalisé, au cours des trois dernières années, au moins
            <xsl:value-of select="$selection-references"/>&#160;livraisons de matériel informatique de
            nature comparable à celle du lot pour lequel il remet offre. Il fournit la liste de
            ces livraisons, avec leur objet, leur montant, leur date et leur destinataire, public
            ou privé.</p>
          <xsl:choose>
            <xsl:when test="$espd">
              <p>Le soumissionnaire déclare satisfaire à ce critère dans la partie IV du DUME&#160;; la
                liste des livraisons n’est demandée qu’au soumissionnaire pressenti.</p>
            </xsl:when>
            <xsl:otherwise>
              <p>La liste des livraisons est jointe à l’offre.</p>
            </xsl:otherwise>
          </xsl:choose>
          <p>Le soumissionnaire peut faire valoir les capacités d’autres entités (fabricant,
            distributeur) en prouvant qu’il disposera des moyens nécessaires, par exemple par
            l’engagement écrit de ces entités.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================ submission -->

  <xsl:template name="admin-submission">
    <xsl:variable name="d" select="$T/t:dates"/>
    <section id="offres">
      <heading>Forme, contenu et dépôt des offres</heading>
      <p>L’offre est rédigée en français. Les prix sont exprimés en euros, hors TVA, la TVA
        étant mentionnée séparément&#160;; ils comprennent tous les frais, notamment la livraison
        franco, la mise en service, la reprise des emballages, les licences et la garantie
        exigée. Les prix sont fermes et non révisables, compte tenu de la courte durée
        d’exécution du marché.</p>
      <p>Le soumissionnaire joint à son offre, dans cet ordre&#160;:</p>
      <list ordered="true">
        <item>le formulaire d’offre (annexe A), complété et signé&#160;;</item>
        <item>l’inventaire des prix (annexe B) de chaque lot auquel il remet offre, un prix étant
          indiqué pour chaque poste, options exigées comprises&#160;;</item>
        <item>le questionnaire technique (annexe C) de chaque lot offert, accompagné des fiches
          techniques du fabricant qui justifient les valeurs indiquées&#160;;</item>
        <xsl:choose>
          <xsl:when test="$espd">
            <item>le DUME (section «&#160;Motifs d’exclusion&#160;»)&#160;;</item>
          </xsl:when>
          <xsl:when test="$proc != 'faible-montant'">
            <item>la liste des livraisons similaires (section «&#160;Sélection qualitative&#160;»)&#160;;</item>
          </xsl:when>
        </xsl:choose>
        <item>le document qui établit le pouvoir de la personne qui signe l’offre (statuts,
          délégation ou procuration), lorsqu’il n’est pas publié au Moniteur belge.</item>
      </list>
      <section id="depot">
        <heading>Dépôt des offres et date limite</heading>
        <xsl:choose>
          <xsl:when test="$d/@electronicSubmission = 'true' and $proc = 'faible-montant'">
            <p>L’offre est transmise par voie électronique, sous la forme de documents PDF
              signés, à l’adresse <xsl:value-of select="$buyer/t:contact/t:email"/> ou par
              l’application e-Tendering lorsque le pouvoir adjudicateur l’indique dans son
              invitation.</p>
          </xsl:when>
          <xsl:when test="$d/@electronicSubmission = 'true'">
            <p>Les offres sont déposées <strong>exclusivement par voie électronique</strong>, au
              moyen de l’application e-Tendering de la plateforme fédérale e-Procurement
              (www.publicprocurement.be). Une offre remise sur papier ou par courrier électronique
              n’est pas recevable. Le rapport de dépôt est revêtu de la signature électronique
              qualifiée de la ou des personnes habilitées à engager le soumissionnaire.</p>
          </xsl:when>
          <xsl:otherwise>
            <p>Les offres sont remises sous pli fermé portant la mention «&#160;Offre – CSC
              <xsl:value-of select="$ref"/> – Ne pas ouvrir&#160;», soit déposées contre accusé de
              réception, soit envoyées par recommandé, à l’adresse du pouvoir adjudicateur&#160;:
              <xsl:apply-templates select="$buyer/t:address" mode="address"/>. L’offre est signée
              par la ou les personnes habilitées à engager le soumissionnaire.</p>
          </xsl:otherwise>
        </xsl:choose>
        <p>Les offres doivent parvenir au pouvoir adjudicateur au plus tard le
          <strong><xsl:apply-templates select="$d/@deadline" mode="deadline"/></strong> (heure
          belge). Une offre parvenue après ce moment n’est pas prise en considération.
          <xsl:if test="$proc = 'open'">Les offres sont ouvertes par voie électronique après
            l’expiration de ce délai.</xsl:if></p>
        <p>Le délai de réception des offres est de <xsl:value-of select="$d/@appliedDays"/>&#160;jours de calendrier à compter de
          <xsl:choose>
            <xsl:when test="$publication = 'none'">l’envoi de l’invitation</xsl:when>
            <xsl:otherwise>la publication de l’avis de marché</xsl:otherwise>
          </xsl:choose>
          (<xsl:apply-templates select="$d/@publication" mode="date"/>).</p>
        <p>Les questions sont posées par écrit à <xsl:value-of select="$buyer/t:contact/t:email"/>
          au plus tard <xsl:value-of select="$questions-days"/>&#160;jours de calendrier avant la date
          limite de réception des offres. Les questions et les réponses sont communiquées à
          <xsl:choose>
            <xsl:when test="$publication = 'none'">tous les opérateurs consultés</xsl:when>
            <xsl:otherwise>tous, sur la plateforme e-Procurement</xsl:otherwise>
          </xsl:choose>, sans mention de leur auteur.</p>
      </section>
      <section id="validite">
        <heading>Délai de validité des offres</heading>
        <p>Le soumissionnaire reste engagé par son offre pendant
          <strong><xsl:value-of select="$d/@validityDays"/>&#160;jours de calendrier</strong> à compter
          de la date limite de réception des offres.</p>
      </section>
    </section>
  </xsl:template>

  <!-- ============================================================ regularity -->

  <xsl:template name="admin-regularity">
    <section id="regularite">
      <heading>Régularité des offres</heading>
      <p>Le pouvoir adjudicateur vérifie la régularité des offres. Conformément à l’article 76
        de l’arrêté royal du 18 avril 2017, une offre affectée d’une irrégularité substantielle
        est écartée. Est substantielle, notamment, l’irrégularité qui procure au soumissionnaire
        un avantage discriminatoire, qui fausse la concurrence, qui empêche d’évaluer ou de
        comparer l’offre, ou qui rend inexistant, incomplet ou incertain l’engagement du
        soumissionnaire. Plusieurs irrégularités non substantielles peuvent, ensemble, constituer
        une irrégularité substantielle.</p>
      <p><strong>Les exigences minimales des prescriptions techniques (section 3) sont
        prescrites à peine d’exclusion</strong>&#160;: une offre qui ne satisfait pas à l’une d’elles
        est substantiellement irrégulière et n’est pas évaluée. Il en va de même d’une offre non
        signée ou signée par une personne non habilitée, et d’une offre qui n’indique pas de prix
        pour chaque poste de l’inventaire du lot, options exigées comprises.</p>
      <xsl:choose>
        <xsl:when test="$negotiated">
          <p>La procédure permettant la négociation et le marché n’atteignant pas le seuil
            européen, le pouvoir adjudicateur peut, au cours des négociations, permettre la
            régularisation d’une offre irrégulière&#160;; les offres finales doivent respecter toutes
            les exigences minimales.</p>
        </xsl:when>
        <xsl:when test="$proc = 'open'">
          <p>Dans la procédure ouverte, une irrégularité substantielle ne peut pas être
            régularisée après le dépôt des offres.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>Le pouvoir adjudicateur peut demander à un soumissionnaire de préciser ou de
            compléter son offre, dans le respect de l’égalité de traitement.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================ prices -->

  <xsl:template name="admin-prices">
    <section id="verification-prix">
      <heading>Vérification des prix et prix anormaux</heading>
      <p>Le pouvoir adjudicateur vérifie les prix et les coûts des offres (articles 34 à 36 de
        l’arrêté royal du 18 avril 2017). Il corrige les erreurs arithmétiques et les erreurs
        purement matérielles et peut demander au soumissionnaire toute indication sur la
        composition de ses prix.</p>
      <p>Lorsqu’un prix, global ou unitaire, paraît anormalement bas ou anormalement élevé, le
        pouvoir adjudicateur invite le soumissionnaire à le justifier par écrit dans le délai
        qu’il fixe. Si la justification n’est pas précise, concrète et étayée, l’offre est
        considérée comme substantiellement irrégulière et écartée.</p>
    </section>
  </xsl:template>

  <!-- ============================================================ award -->

  <xsl:template name="admin-award">
    <xsl:variable name="c" select="$T/t:awardCriteria/t:criterion"/>
    <section id="attribution">
      <heading>Critères d’attribution</heading>
      <p>Chaque lot est attribué au soumissionnaire qui a remis l’offre régulière
        économiquement la plus avantageuse, déterminée sur la base des critères pondérés
        suivants&#160;:</p>
      <table widths="6 22 16 56" keep-together="true">
        <row kind="head">
          <cell align="center">N°</cell>
          <cell>Critère</cell>
          <cell align="right">Pondération</cell>
          <cell>Méthode de cotation</cell>
        </row>
        <xsl:for-each select="$c">
          <row>
            <cell align="center"><xsl:value-of select="position()"/></cell>
            <cell><xsl:value-of select="t:label"/></cell>
            <cell align="right"><xsl:value-of select="@weight"/>&#160;points</cell>
            <cell><xsl:value-of select="t:formulaText"/></cell>
          </row>
        </xsl:for-each>
        <row kind="foot">
          <cell colspan="2">Total</cell>
          <cell align="right"><xsl:value-of select="sum($c/@weight)"/>&#160;points</cell>
          <cell/>
        </row>
      </table>
      <xsl:if test="$c[@id = 'price']">
        <p><strong><xsl:value-of select="$c[@id = 'price']/t:label"/></strong>&#160;: le prix comparé
          est le montant total hors TVA de l’inventaire du lot (annexe B), options exigées
          comprises, après vérification et correction éventuelle des prix.</p>
      </xsl:if>
      <xsl:if test="$c[@id = 'technical']">
        <p><strong><xsl:value-of select="$c[@id = 'technical']/t:label"/></strong>&#160;: les points
          techniques se fondent sur les caractéristiques cotées de chaque lot, décrites dans les
          prescriptions techniques (section 3) avec leur échelle et leurs points. Une
          caractéristique reçoit 0 point à la première valeur de l’échelle et tous ses points à
          la seconde, proportionnellement entre les deux&#160;; une valeur plus favorable que la
          seconde ne rapporte pas de point supplémentaire. Une caractéristique «&#160;Oui / Non&#160;»
          rapporte ses points si elle est offerte. Une valeur non indiquée ou non justifiée ne
          rapporte aucun point.</p>
      </xsl:if>
      <xsl:if test="$c[@id = 'warranty']">
        <p><strong><xsl:value-of select="$c[@id = 'warranty']/t:label"/></strong>&#160;: durée, en
          années, de la garantie pièces et main-d’œuvre comprise dans le prix de l’appareil,
          sans l’option d’extension de garantie.</p>
      </xsl:if>
      <xsl:if test="$c[@id = 'delivery']">
        <p><strong><xsl:value-of select="$c[@id = 'delivery']/t:label"/></strong>&#160;: délai
          offert pour la livraison complète du lot, en jours de calendrier à compter du
          lendemain de la notification de la conclusion du marché.</p>
      </xsl:if>
      <p>Les notes sont calculées avec deux décimales. En cas d’égalité, l’offre qui obtient la
        meilleure note pour le premier critère du tableau l’emporte&#160;; en cas de nouvelle
        égalité, la meilleure note pour le critère suivant, et ainsi de suite.</p>
    </section>
  </xsl:template>

  <!-- ============================================================ variants and options -->

  <xsl:template name="admin-variants">
    <section id="variantes-options">
      <heading>Variantes et options</heading>
      <p>Les variantes, exigées ou libres, ne sont pas autorisées. Les options libres ne sont
        pas autorisées.</p>
      <xsl:choose>
        <xsl:when test="$lots/t:options/t:option">
          <p>Le soumissionnaire remet obligatoirement prix pour les options exigées ci-dessous,
            dans l’inventaire du lot concerné. Le pouvoir adjudicateur n’est jamais tenu de lever
            une option, ni lors de l’attribution ni ultérieurement.</p>
          <list>
            <xsl:for-each select="$lots">
              <item>
                <xsl:value-of select="concat('Lot ', @number, '&#160;: ')"/>
                <xsl:choose>
                  <xsl:when test="t:options/t:option">
                    <xsl:for-each select="t:options/t:option">
                      <xsl:if test="position() &gt; 1">&#160;; </xsl:if>
                      <xsl:value-of select="t:label"/>
                      <xsl:text> (quantité&#160;: </xsl:text>
                      <xsl:apply-templates select="@quantity" mode="int"/>
                      <xsl:text>)</xsl:text>
                    </xsl:for-each>
                  </xsl:when>
                  <xsl:otherwise>aucune option</xsl:otherwise>
                </xsl:choose>
                <xsl:choose>
                  <xsl:when test="position() = last()">.</xsl:when>
                  <xsl:otherwise>&#160;;</xsl:otherwise>
                </xsl:choose>
              </item>
            </xsl:for-each>
          </list>
        </xsl:when>
        <xsl:otherwise>
          <p>Le marché ne comporte pas d’option.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================ award decision -->

  <xsl:template name="admin-conclusion">
    <section id="conclusion">
      <heading>Attribution et conclusion du marché</heading>
      <xsl:choose>
        <xsl:when test="number($T/t:dates/@standstillDays) &gt; 0">
          <p>Le pouvoir adjudicateur prend une décision motivée d’attribution et la communique à
            chaque soumissionnaire, conformément à la loi du 17 juin 2013. Le marché n’est pas
            conclu avant l’expiration d’un <strong>délai d’attente de
            <xsl:value-of select="$T/t:dates/@standstillDays"/>&#160;jours</strong> à compter de cette
            communication, pendant lequel un soumissionnaire peut introduire un recours en
            suspension devant l’instance de recours compétente.</p>
          <p>Le marché est conclu par la notification au soumissionnaire retenu de l’approbation
            de son offre.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>Aucun délai d’attente ne s’applique. Le marché est conclu par la commande adressée au
            soumissionnaire retenu et constaté par l’acceptation de sa facture.</p>
        </xsl:otherwise>
      </xsl:choose>
      <p>Le pouvoir adjudicateur peut renoncer à attribuer le marché, ou un lot, et, le cas
        échéant, recommencer la procédure, au besoin d’une autre manière. Les soumissionnaires
        ne peuvent prétendre à aucune indemnité de ce fait.</p>
    </section>
  </xsl:template>

</xsl:stylesheet>
