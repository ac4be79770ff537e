<?xml version="1.0" encoding="UTF-8"?>
<!-- LISEZMOI.txt of the tender pack: what is in the zip and what to do with it,
     written for a school director. Input: the tender XML (schemas/tender.xsd). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="urn:tenderpack:tender:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="notice" select="''"/>
  <xsl:param name="no-notice-reason" select="''"/>

  <xsl:template name="date-fr">
    <xsl:param name="d"/>
    <xsl:value-of select="number(substring($d, 9, 2))"/>
    <xsl:if test="number(substring($d, 9, 2)) = 1">er</xsl:if>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring-before(substring-after(
      '|01:janvier|02:février|03:mars|04:avril|05:mai|06:juin|07:juillet|08:août|09:septembre|10:octobre|11:novembre|12:décembre|',
      concat('|', substring($d, 6, 2), ':')), '|')"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($d, 1, 4)"/>
  </xsl:template>

  <xsl:template match="/t:tender">
    <xsl:variable name="pub" select="t:procedure/@publication"/>
    <xsl:text>DOSSIER DE MARCHÉ </xsl:text><xsl:value-of select="t:reference"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="t:buyer/t:name"/>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:text>Procédure : </xsl:text><xsl:value-of select="t:procedure/t:label"/>
    <xsl:text> (</xsl:text><xsl:value-of select="t:procedure/t:legalBasis"/><xsl:text>)&#10;</xsl:text>
    <xsl:text>Date de publication ou d'envoi prévue : </xsl:text>
    <xsl:call-template name="date-fr"><xsl:with-param name="d" select="t:dates/@publication"/></xsl:call-template>
    <xsl:text>&#10;Date limite de réception des offres : </xsl:text>
    <xsl:call-template name="date-fr"><xsl:with-param name="d" select="substring(t:dates/@deadline, 1, 10)"/></xsl:call-template>
    <xsl:text> à </xsl:text><xsl:value-of select="substring(t:dates/@deadline, 12, 2)"/>
    <xsl:text> h </xsl:text><xsl:value-of select="substring(t:dates/@deadline, 15, 2)"/>
    <xsl:text>&#10;&#10;CONTENU&#10;&#10;</xsl:text>
    <xsl:text>- cahier-special-des-charges.pdf : le cahier spécial des charges, prêt à envoyer.&#10;</xsl:text>
    <xsl:text>- cahier-special-des-charges.odt et .docx : le même texte, modifiable&#10;</xsl:text>
    <xsl:text>  (LibreOffice, Word). Si vous le modifiez, envoyez la version modifiée en PDF.&#10;</xsl:text>
    <xsl:if test="$notice != ''">
      <xsl:text>- </xsl:text><xsl:value-of select="$notice"/>
      <xsl:text> : l'avis de marché au format eForms, à charger sur la plateforme&#10;</xsl:text>
      <xsl:text>  e-Procurement (e-Notification).&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="t:lots/t:lot">
      <xsl:text>- offres/ : pour chaque lot, le formulaire d'offre à compléter par les fournisseurs&#10;</xsl:text>
      <xsl:text>  (formulaire-lot-N.ods ou .xlsx, au choix) et le même modèle en XML (offre-lot-N.xml).&#10;</xsl:text>
      <xsl:text>  Joignez-les au cahier spécial des charges : tenderpack relit les formulaires remplis.&#10;</xsl:text>
    </xsl:if>
    <xsl:text>- tender.xml : les données du marché, pour les logiciels.&#10;</xsl:text>
    <xsl:text>- manifest.xml : la taille et l'empreinte SHA-256 de chaque fichier.&#10;&#10;</xsl:text>
    <xsl:text>QUE FAIRE ?&#10;&#10;</xsl:text>
    <xsl:choose>
      <xsl:when test="$pub = 'none'">
        <xsl:choose>
          <xsl:when test="$no-notice-reason != ''">
            <xsl:value-of select="$no-notice-reason"/><xsl:text>&#10;</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>Ce marché n'est pas publié (</xsl:text><xsl:value-of select="t:procedure/t:label"/>
            <xsl:text>) : il n'y a donc pas d'avis de marché.&#10;</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>Envoyez le cahier spécial des charges (PDF) directement à plusieurs fournisseurs&#10;</xsl:text>
        <xsl:text>(au moins trois, de préférence) et demandez-leur une offre avant la date limite.&#10;</xsl:text>
      </xsl:when>
      <xsl:when test="$pub = 'ted'">
        <xsl:text>Le montant estimé atteint le seuil européen : l'avis doit être publié au&#10;</xsl:text>
        <xsl:text>Bulletin des Adjudications et au Journal officiel de l'Union européenne (TED),&#10;</xsl:text>
        <xsl:text>via la plateforme e-Procurement. Le DUME est exigé des soumissionnaires.&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>Publiez l'avis de marché au Bulletin des Adjudications via la plateforme&#10;</xsl:text>
        <xsl:text>e-Procurement, puis mettez le cahier spécial des charges à disposition.&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;Contact du pouvoir adjudicateur : </xsl:text>
    <xsl:value-of select="t:buyer/t:contact/t:name"/><xsl:text>, </xsl:text>
    <xsl:value-of select="t:buyer/t:contact/t:email"/><xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
