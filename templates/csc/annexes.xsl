<?xml version="1.0" encoding="UTF-8"?>
<!-- Annexes of the CSC, lettered by the loader: A offer form, B price
     schedule (inventaire) per lot, C technical questionnaire per lot,
     D delivery addresses with the quantities of the allocations.
     Included by csc.xsl. Blanks to fill in are dotted lines (common.xsl "blank"). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="urn:tenderpack:tender:1"
                xmlns="urn:tenderpack:document:1"
                exclude-result-prefixes="t">

  <xsl:template name="annexes">
    <xsl:call-template name="annex-offer-form"/>
    <xsl:call-template name="annex-inventory"/>
    <xsl:call-template name="annex-questionnaire"/>
    <xsl:call-template name="annex-delivery"/>
  </xsl:template>

  <!-- Heading of a lot inside an annex (annexes have no subsections). -->
  <xsl:template name="annex-lot-title">
    <p>
      <strong>
        <xsl:choose>
          <xsl:when test="$nlots = 1">Lot unique&#160;: </xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('Lot ', @number, '&#160;: ')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="t:title"/>
      </strong>
    </p>
  </xsl:template>

  <!-- ============================================================ A. offer form -->

  <xsl:template name="annex-offer-form">
    <xsl:variable name="dots"><xsl:call-template name="blank"/></xsl:variable>
    <xsl:variable name="short"><xsl:call-template name="blank"><xsl:with-param name="n" select="12"/></xsl:call-template></xsl:variable>
    <annex id="annexe-offre">
      <heading>Formulaire d’offre</heading>
      <p>Marché public de fournitures — cahier spécial des charges n°
        <xsl:value-of select="$ref"/> — pouvoir adjudicateur&#160;:
        <xsl:value-of select="$buyer/t:name"/>.</p>
      <p><strong>Le soumissionnaire</strong></p>
      <table widths="40 60">
        <row><cell>Nom ou dénomination sociale</cell><cell><xsl:value-of select="$dots"/></cell></row>
        <row><cell>Forme juridique</cell><cell><xsl:value-of select="$dots"/></cell></row>
        <row><cell>Adresse du siège</cell><cell><xsl:value-of select="$dots"/></cell></row>
        <row><cell>Numéro d’entreprise (BCE) ou équivalent</cell><cell><xsl:value-of select="$dots"/></cell></row>
        <row><cell>Numéro de TVA</cell><cell><xsl:value-of select="$dots"/></cell></row>
        <row><cell>Compte bancaire (IBAN et BIC)</cell><cell><xsl:value-of select="$dots"/></cell></row>
        <row><cell>Personne de contact, téléphone, courriel</cell><cell><xsl:value-of select="$dots"/></cell></row>
        <row><cell>Représenté par (nom et qualité)</cell><cell><xsl:value-of select="$dots"/></cell></row>
      </table>
      <p>s’engage, sur ses biens meubles et immeubles, à exécuter conformément aux clauses et
        conditions du cahier spécial des charges n° <xsl:value-of select="$ref"/> le ou les lots
        ci-dessous, aux prix établis dans l’inventaire joint (annexe B), options exigées
        comprises&#160;:</p>
      <table widths="8 38 18 18 18">
        <row kind="head">
          <cell align="center">Lot</cell>
          <cell>Intitulé</cell>
          <cell align="right">Montant HTVA (€)</cell>
          <cell align="right">TVA <xsl:value-of select="$T/t:estimate/@vatRate"/>&#160;% (€)</cell>
          <cell align="right">Montant TVAC (€)</cell>
        </row>
        <xsl:for-each select="$lots">
          <row>
            <cell align="center"><xsl:value-of select="@number"/></cell>
            <cell><xsl:value-of select="t:title"/></cell>
            <cell align="right"/>
            <cell align="right"/>
            <cell align="right"/>
          </row>
        </xsl:for-each>
      </table>
      <xsl:if test="$nlots &gt; 1">
        <p>Le soumissionnaire barre les lignes des lots auxquels il ne remet pas offre.</p>
      </xsl:if>
      <p>L’offre reste valable <xsl:value-of select="$T/t:dates/@validityDays"/>&#160;jours de
        calendrier à compter de la date limite de réception des offres. Les paiements sont
        effectués sur le compte indiqué ci-dessus.</p>
      <p>Sous-traitants auxquels le soumissionnaire envisage de faire appel, et part du marché
        concernée&#160;: <xsl:value-of select="$dots"/></p>
      <p>Le soumissionnaire déclare avoir pris connaissance de l’ensemble des documents du
        marché, y compris les éventuels avis rectificatifs et les réponses aux questions, et
        <xsl:choose>
          <xsl:when test="$espd">joint le DUME à son offre.</xsl:when>
          <xsl:otherwise>ne se trouver dans aucune des situations d’exclusion prévues par la loi
            du 17 juin 2016.</xsl:otherwise>
        </xsl:choose></p>
      <p align="right">Fait à <xsl:value-of select="$short"/>, le <xsl:value-of select="$short"/><br/>
        Signature, nom et qualité du ou des signataires&#160;:<br/><br/><br/></p>
    </annex>
  </xsl:template>

  <!-- ============================================================ B. inventory -->

  <xsl:template name="annex-inventory">
    <xsl:variable name="rate" select="$T/t:estimate/@vatRate"/>
    <annex id="annexe-inventaire">
      <heading>Inventaire des prix</heading>
      <p>Le soumissionnaire complète, pour chaque lot auquel il remet offre, le prix unitaire et
        le total hors TVA de chaque poste, sans modifier les postes ni les quantités. Les
        montants sont exprimés en euros, avec deux décimales. Un poste sans prix rend l’offre
        irrégulière&#160;; en cas de discordance, le prix unitaire prévaut.</p>
      <xsl:for-each select="$lots">
        <xsl:variable name="lot" select="@number"/>
        <xsl:call-template name="annex-lot-title"/>
        <table widths="8 42 12 19 19" keep-together="true">
          <row kind="head">
            <cell align="center">Poste</cell>
            <cell>Description</cell>
            <cell align="right">Quantité</cell>
            <cell align="right">Prix unitaire HTVA (€)</cell>
            <cell align="right">Total HTVA (€)</cell>
          </row>
          <row>
            <cell align="center"><xsl:value-of select="concat($lot, '.1')"/></cell>
            <cell><xsl:value-of select="t:title"/>, conformes aux prescriptions techniques du lot</cell>
            <cell align="right"><xsl:apply-templates select="@quantity" mode="int"/></cell>
            <cell align="right"/>
            <cell align="right"/>
          </row>
          <xsl:for-each select="t:options/t:option">
            <row>
              <cell align="center"><xsl:value-of select="concat($lot, '.', position() + 1)"/></cell>
              <cell>Option exigée&#160;: <xsl:value-of select="t:label"/></cell>
              <cell align="right"><xsl:apply-templates select="@quantity" mode="int"/></cell>
              <cell align="right"/>
              <cell align="right"/>
            </row>
          </xsl:for-each>
          <row kind="foot">
            <cell colspan="4" align="right">Total HTVA</cell>
            <cell align="right"/>
          </row>
          <row kind="foot">
            <cell colspan="4" align="right">TVA <xsl:value-of select="$rate"/>&#160;%</cell>
            <cell align="right"/>
          </row>
          <row kind="foot">
            <cell colspan="4" align="right">Total TVAC</cell>
            <cell align="right"/>
          </row>
        </table>
      </xsl:for-each>
    </annex>
  </xsl:template>

  <!-- ============================================================ C. questionnaire -->

  <xsl:template name="annex-questionnaire">
    <annex id="annexe-questionnaire">
      <heading>Questionnaire technique</heading>
      <p>Pour chaque lot offert, le soumissionnaire indique la valeur offerte de chaque
        caractéristique, dans l’unité indiquée («&#160;oui&#160;» ou «&#160;non&#160;» pour les caractéristiques
        «&#160;Oui / Non&#160;»), et joint la fiche technique du fabricant qui la justifie. Les références
        (colonne «&#160;Réf.&#160;») identifient les caractéristiques lors de l’évaluation.</p>
      <xsl:for-each select="$lots">
        <xsl:variable name="reqs" select="t:requirements/t:requirement"/>
        <xsl:variable name="scored" select="t:scoredCriteria/t:scored"/>
        <xsl:call-template name="annex-lot-title"/>
        <table widths="24 34 24 18">
          <row kind="head">
            <cell>Réf.</cell>
            <cell>Caractéristique</cell>
            <cell>Exigence ou échelle</cell>
            <cell>Valeur offerte</cell>
          </row>
          <row>
            <cell>modele</cell>
            <cell>Marque et modèle offerts</cell>
            <cell>—</cell>
            <cell/>
          </row>
          <xsl:for-each select="$reqs">
            <xsl:variable name="id" select="@id"/>
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:value-of select="t:label"/></cell>
              <cell>
                <xsl:apply-templates select="." mode="value"/>
                <xsl:for-each select="$scored[@id = $id]">
                  <br/>
                  <xsl:text>cotée&#160;: </xsl:text>
                  <xsl:apply-templates select="." mode="scale"/>
                  <xsl:value-of select="concat(' (', @maxPoints, '&#160;pts)')"/>
                </xsl:for-each>
              </cell>
              <cell/>
            </row>
          </xsl:for-each>
          <xsl:for-each select="$scored[not(@id = $reqs/@id)]">
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:value-of select="t:label"/></cell>
              <cell>
                <xsl:text>cotée&#160;: </xsl:text>
                <xsl:apply-templates select="." mode="scale"/>
                <xsl:value-of select="concat(' (', @maxPoints, '&#160;pts)')"/>
              </cell>
              <cell/>
            </row>
          </xsl:for-each>
        </table>
      </xsl:for-each>
    </annex>
  </xsl:template>

  <!-- ============================================================ D. delivery -->

  <xsl:template name="annex-delivery">
    <annex id="annexe-livraison">
      <heading>Adresses de livraison</heading>
      <p>Les fournitures sont livrées dans les implantations suivantes.
        <xsl:choose>
          <xsl:when test="$lots/t:allocations/t:allocation">Les quantités par établissement
            résultent de la répartition décidée par le pouvoir adjudicateur&#160;; lorsqu’un
            établissement compte plusieurs implantations, la répartition entre elles est
            communiquée avec la notification de la conclusion du marché.</xsl:when>
          <xsl:when test="count($schools) &gt; 1 or count($schools/t:implantations/t:implantation) &gt; 1">La
            répartition des quantités entre les implantations est communiquée avec la
            notification de la conclusion du marché.</xsl:when>
        </xsl:choose></p>
      <table widths="28 44 28">
        <row kind="head">
          <cell>Établissement</cell>
          <cell>Implantation et adresse</cell>
          <cell>Quantités à livrer</cell>
        </row>
        <xsl:for-each select="$schools">
          <xsl:variable name="school" select="."/>
          <xsl:variable name="nimpl" select="count(t:implantations/t:implantation)"/>
          <xsl:for-each select="t:implantations/t:implantation">
            <row>
              <cell>
                <xsl:if test="position() = 1">
                  <xsl:value-of select="$school/t:name"/>
                  <br/>
                  <xsl:value-of select="concat('FASE ', $school/@fase)"/>
                </xsl:if>
              </cell>
              <cell>
                <xsl:if test="t:name">
                  <xsl:value-of select="t:name"/>
                  <br/>
                </xsl:if>
                <xsl:apply-templates select="t:address" mode="address"/>
                <br/>
                <xsl:value-of select="concat('FASE implantation ', @fase)"/>
              </cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="position() = 1">
                    <xsl:call-template name="school-quantities">
                      <xsl:with-param name="school" select="$school"/>
                    </xsl:call-template>
                    <xsl:if test="$nimpl &gt; 1 and (count($schools) = 1
                                  or $lots/t:allocations/t:allocation[@school = $school/@fase])">
                      <br/>
                      <em>à répartir entre les implantations de l’établissement</em>
                    </xsl:if>
                  </xsl:when>
                  <xsl:otherwise><em>comprises ci-dessus</em></xsl:otherwise>
                </xsl:choose>
              </cell>
            </row>
          </xsl:for-each>
        </xsl:for-each>
      </table>
    </annex>
  </xsl:template>

  <!-- Quantities of every lot for one school: its allocation, the whole lot
       when the PO has a single school, else "selon la répartition". -->
  <xsl:template name="school-quantities">
    <xsl:param name="school"/>
    <xsl:variable name="single" select="count($schools) = 1"/>
    <xsl:for-each select="$lots">
      <xsl:variable name="alloc" select="t:allocations/t:allocation[@school = $school/@fase]"/>
      <xsl:if test="position() &gt; 1"><br/></xsl:if>
      <xsl:if test="$nlots &gt; 1">
        <xsl:value-of select="concat('Lot ', @number, '&#160;: ')"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$alloc">
          <xsl:apply-templates select="$alloc/@quantity" mode="int"/>
          <xsl:if test="$nlots = 1">
            <xsl:text> </xsl:text>
            <xsl:call-template name="device-label">
              <xsl:with-param name="device" select="@device"/>
              <xsl:with-param name="n" select="$alloc/@quantity"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="t:allocations/t:allocation">0</xsl:when>
        <xsl:when test="$single">
          <xsl:apply-templates select="@quantity" mode="int"/>
          <xsl:if test="$nlots = 1">
            <xsl:text> </xsl:text>
            <xsl:call-template name="device-label">
              <xsl:with-param name="device" select="@device"/>
              <xsl:with-param name="n" select="@quantity"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>selon la répartition communiquée</xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
