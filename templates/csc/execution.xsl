<?xml version="1.0" encoding="UTF-8"?>
<!-- Section 2 of the CSC: execution clauses (AR of 14 January 2013, "RGE").
     Included by csc.xsl; the figures a PO may change (cautionnement, fines,
     payment and verification periods) are parameters of csc.xsl. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="urn:tenderpack:tender:1"
                xmlns="urn:tenderpack:document:1"
                exclude-result-prefixes="t">

  <xsl:template name="execution-part">
    <section id="execution">
      <heading>Dispositions contractuelles</heading>
      <xsl:choose>
        <xsl:when test="$proc = 'faible-montant'">
          <p>Les règles générales d’exécution (arrêté royal du 14 janvier 2013) s’appliquent dans
            la mesure prévue pour les marchés de faible montant. Les clauses ci-dessous
            s’appliquent en tout état de cause.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>Les règles générales d’exécution (arrêté royal du 14 janvier 2013, ci-après «&#160;RGE&#160;»)
            s’appliquent au marché, complétées par les clauses ci-dessous. Chaque lot constitue
            un marché distinct pour l’application de ces clauses.</p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="exec-officer"/>
      <xsl:call-template name="exec-guarantee"/>
      <xsl:call-template name="exec-insurance"/>
      <xsl:call-template name="exec-delivery"/>
      <xsl:call-template name="exec-acceptance"/>
      <xsl:call-template name="exec-warranty"/>
      <xsl:call-template name="exec-payment"/>
      <xsl:call-template name="exec-penalties"/>
      <xsl:call-template name="exec-disputes"/>
    </section>
  </xsl:template>

  <xsl:template name="exec-officer">
    <section id="fonctionnaire-dirigeant">
      <heading>Fonctionnaire dirigeant</heading>
      <p>Le fonctionnaire dirigeant, chargé de la direction et du contrôle de l’exécution du
        marché (article 11 des RGE), est <xsl:value-of select="$buyer/t:contact/t:name"/>
        (<xsl:value-of select="$buyer/t:contact/t:email"/>,
        <xsl:value-of select="translate($buyer/t:contact/t:phone, ' ', '&#160;')"/>). Tout changement est notifié par écrit
        à l’adjudicataire. Seul le pouvoir adjudicateur, représenté par
        <xsl:value-of select="$organ"/>, peut modifier le marché.</p>
    </section>
  </xsl:template>

  <xsl:template name="exec-guarantee">
    <section id="cautionnement">
      <heading>Cautionnement</heading>
      <xsl:choose>
        <xsl:when test="$proc = 'faible-montant'">
          <p>Aucun cautionnement n’est exigé.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>Pour chaque lot dont le montant initial hors TVA est égal ou supérieur à
            <xsl:call-template name="fmt-money"><xsl:with-param name="amount" select="$guarantee-threshold"/></xsl:call-template>,
            l’adjudicataire constitue un cautionnement égal à
            <strong><xsl:value-of select="$guarantee-percent"/>&#160;% du montant initial du lot
            hors TVA</strong>, selon les modalités et dans le délai prévus par les RGE (articles
            25 et suivants). Aucun cautionnement n’est exigé pour un lot dont le montant initial
            est inférieur à ce montant.</p>
          <p>La preuve de la constitution du cautionnement est adressée au pouvoir adjudicateur.
            Le cautionnement est libéré selon les RGE, après la réception des fournitures et, pour
            sa partie qui garantit les obligations de garantie, après la réception définitive.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="exec-insurance">
    <section id="assurances">
      <heading>Responsabilité et assurances</heading>
      <p>L’adjudicataire assume la responsabilité des dommages causés par lui ou par ses
        sous-traitants lors de la livraison et de la mise en service. Il couvre sa
        responsabilité civile par une assurance et en fournit la preuve sur simple demande. Les
        fournitures voyagent aux risques de l’adjudicataire jusqu’à leur livraison.</p>
    </section>
  </xsl:template>

  <xsl:template name="exec-delivery">
    <xsl:variable name="delivery-criterion" select="$T/t:awardCriteria/t:criterion[@id = 'delivery']"/>
    <section id="livraison">
      <heading>Livraison et mise en service</heading>
      <p>Les fournitures sont livrées franco, déchargées et déballées, dans les implantations
        énumérées à l’annexe D, selon la répartition qui y figure ou, à défaut, celle que le
        pouvoir adjudicateur communique avec la notification de la conclusion du marché. Les
        livraisons ont lieu les jours scolaires, entre 8&#160;h&#160;30 et 15&#160;h&#160;30, à une date convenue au
        moins cinq jours ouvrables à l’avance avec la personne de contact de l’établissement.</p>
      <p>La livraison complète de chaque lot a lieu <strong>au plus tard le
        <xsl:apply-templates select="$T/t:dates/@delivery" mode="date"/></strong><xsl:if test="$delivery-criterion">
        ou, s’il est plus court, dans le délai de livraison offert, qui est un critère
        d’attribution (jours de calendrier à compter du lendemain de la notification de la
        conclusion du marché)</xsl:if>.</p>
      <p>Les appareils sont livrés prêts à l’emploi&#160;: batterie chargée, système d’exploitation
        installé et configuré en français, mises à jour appliquées. Chaque appareil porte une
        étiquette indiquant son numéro de série. Avec la livraison, l’adjudicataire remet la
        liste des numéros de série par implantation sous forme de fichier tableur. Il reprend et
        évacue les emballages à ses frais.</p>
    </section>
  </xsl:template>

  <xsl:template name="exec-acceptance">
    <section id="reception">
      <heading>Réception</heading>
      <p>Le pouvoir adjudicateur dispose de <xsl:value-of select="$verification-days"/>&#160;jours de
        calendrier à compter de la livraison complète d’un lot pour vérifier la conformité des
        fournitures au présent CSC et à l’offre. À l’issue de cette vérification, il dresse un
        procès-verbal de réception provisoire ou de refus de réception. Les fournitures refusées
        sont enlevées et remplacées par l’adjudicataire, à ses frais, dans le délai fixé par le
        fonctionnaire dirigeant.</p>
      <p>La réception définitive a lieu à l’expiration du délai de garantie du lot, si les
        défauts signalés pendant ce délai ont été réparés.</p>
    </section>
  </xsl:template>

  <xsl:template name="exec-warranty">
    <section id="garantie">
      <heading>Garantie</heading>
      <p>Le délai de garantie prend cours à la date de la réception provisoire. Pendant ce délai,
        l’adjudicataire répare ou remplace à ses frais, pièces, main-d’œuvre et transport compris,
        tout appareil défectueux, dans les <xsl:value-of select="$repair-days"/>&#160;jours ouvrables
        qui suivent le signalement du défaut. Un appareil remplacé bénéficie de la garantie
        restant à courir.</p>
      <list>
        <xsl:for-each select="$lots">
          <xsl:variable name="w" select="t:requirements/t:requirement[@id = 'warranty']"/>
          <xsl:variable name="ext" select="t:options/t:option[@kind = 'extended-warranty']"/>
          <item>
            <xsl:value-of select="concat('Lot ', @number, ' (', t:title, ')&#160;: ')"/>
            <xsl:choose>
              <xsl:when test="$w/@min">
                <xsl:text>garantie d’au moins </xsl:text>
                <xsl:call-template name="fmt-measure">
                  <xsl:with-param name="value" select="$w/@min"/>
                  <xsl:with-param name="unit" select="string($w/@unit)"/>
                </xsl:call-template>
                <xsl:text>, ou la durée offerte si elle est plus longue</xsl:text>
              </xsl:when>
              <xsl:otherwise>garantie offerte par le soumissionnaire, d’au moins un an</xsl:otherwise>
            </xsl:choose>
            <xsl:variable name="svc" select="t:requirements/t:requirement[@id = 'warranty-service']"/>
            <xsl:if test="$svc">
              <xsl:text>, avec </xsl:text>
              <xsl:call-template name="requirement-value"><xsl:with-param name="r" select="$svc"/></xsl:call-template>
            </xsl:if>
            <xsl:if test="$ext">
              <xsl:value-of select="concat('&#160;; portée à ', $ext/@years, ' ans si l’option d’extension de garantie est levée')"/>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </item>
        </xsl:for-each>
      </list>
    </section>
  </xsl:template>

  <xsl:template name="exec-payment">
    <section id="paiement">
      <heading>Facturation et paiement</heading>
      <p>L’adjudicataire facture chaque lot après sa réception provisoire. La facture mentionne
        la référence du marché (<xsl:value-of select="$ref"/>), le numéro du lot et, le cas
        échéant, les options levées. Elle est adressée, de préférence sous forme de facture
        électronique, à&#160;: <xsl:value-of select="$buyer/t:name"/>,
        <xsl:apply-templates select="$buyer/t:address" mode="address"/>.</p>
      <p>Le paiement est effectué dans les <strong><xsl:value-of select="$payment-days"/>&#160;jours</strong> à compter de la fin de la vérification, pour autant que le pouvoir
        adjudicateur soit en possession de la facture régulièrement établie.</p>
    </section>
  </xsl:template>

  <xsl:template name="exec-penalties">
    <section id="penalites">
      <heading>Amendes pour retard et pénalités</heading>
      <p>Sauf dérogation mentionnée à la section «&#160;Dérogations aux règles générales
        d’exécution&#160;», toute livraison tardive donne lieu, de plein droit et sans mise en
        demeure, à une amende pour retard de <strong><xsl:value-of select="$delay-penalty"/>&#160;%
        du montant des fournitures livrées en retard par jour de calendrier de retard</strong>,
        dans les limites fixées par les règles générales d’exécution.</p>
      <p>En cas de manquement aux autres clauses du marché, le pouvoir adjudicateur peut
        appliquer les pénalités et les mesures d’office prévues par les règles générales
        d’exécution, après avoir constaté le manquement par procès-verbal notifié à
        l’adjudicataire.</p>
    </section>
  </xsl:template>

  <xsl:template name="exec-disputes">
    <section id="litiges">
      <heading>Litiges</heading>
      <p>Tout litige relatif à l’exécution du marché relève de la compétence des juridictions de
        l’arrondissement judiciaire du siège du pouvoir adjudicateur
        (<xsl:value-of select="$buyer/t:address/t:locality"/>). La langue de la procédure est le
        français.</p>
    </section>
  </xsl:template>

</xsl:stylesheet>
