<?xml version="1.0" encoding="UTF-8"?>
<!-- eForms contract notice (SDK 1.15, UBL ContractNotice 2.3) from the tender XML
     (urn:tenderpack:tender:1, docs/TENDER.md). Subtype 16 (cn-standard, Directive 2014/24/EU)
     or E3 (voluntary notice under national law), chosen by src/notice/notice.c.
     Field-by-field mapping: docs/NOTICE.md. Code tables and fixed texts: notice-data.xml;
     postal code → NUTS-3: nuts-be.xml. The engine validates the result against the bundled
     eForms XSD (schemas/eforms/) and refuses to write an invalid notice. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:tenderpack:tender:1"
    xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
    xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"
    xmlns:efbc="http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"
    xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1"
    exclude-result-prefixes="t">

  <xsl:include href="notice-common.xsl"/>
  <xsl:include href="notice-lot.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- Set by the engine (src/notice/notice.c). -->
  <xsl:param name="subtype"/>        <!-- "16" or "E3" -->
  <xsl:param name="notice-id"/>      <!-- BT-701, UUID derived from buyer and reference -->
  <xsl:param name="procedure-id"/>   <!-- BT-04, UUID derived from buyer and reference -->
  <xsl:param name="issue-date"/>     <!-- BT-05(a): publication date with its Brussels offset -->
  <xsl:param name="issue-time"/>     <!-- BT-05(b) -->
  <xsl:param name="duration-days"/>  <!-- BT-36: deadline → wanted delivery, in days -->

  <xsl:variable name="tender" select="/t:tender"/>
  <xsl:variable name="data" select="document('notice-data.xml')/notice-data"/>
  <xsl:variable name="procedure-type" select="$data/procedure[@code = $tender/t:procedure/@code]/@eforms"/>
  <xsl:variable name="legal-type" select="$data/legal-form[@code = $tender/t:buyer/@legalForm]/@buyer-legal-type"/>

  <xsl:template match="/">
    <xsl:if test="not($subtype = '16' or $subtype = 'E3')">
      <xsl:message terminate="yes">notice subtype must be 16 or E3, got '<xsl:value-of select="$subtype"/>'</xsl:message>
    </xsl:if>
    <xsl:if test="not($procedure-type)">
      <xsl:message terminate="yes">notice-data.xml has no eForms procedure type for procedure '<xsl:value-of select="$tender/t:procedure/@code"/>'</xsl:message>
    </xsl:if>
    <xsl:if test="not($legal-type)">
      <xsl:message terminate="yes">notice-data.xml has no buyer legal type for legal form '<xsl:value-of select="$tender/t:buyer/@legalForm"/>'</xsl:message>
    </xsl:if>
    <xsl:for-each select="$tender/t:awardCriteria/t:criterion[not(@id = $data/criterion/@id)]">
      <xsl:message terminate="yes">notice-data.xml has no award criterion type for criterion '<xsl:value-of select="@id"/>'</xsl:message>
    </xsl:for-each>
    <xsl:apply-templates select="$tender"/>
  </xsl:template>

  <xsl:template match="t:tender">
    <ContractNotice>
      <ext:UBLExtensions>
        <ext:UBLExtension>
          <ext:ExtensionContent>
            <efext:EformsExtension>
              <efac:NoticeSubType>
                <cbc:SubTypeCode listName="notice-subtype"><xsl:value-of select="$subtype"/></cbc:SubTypeCode>
              </efac:NoticeSubType>
              <efac:Organizations>
                <xsl:call-template name="buyer-organization"/>
                <xsl:call-template name="review-organization"/>
              </efac:Organizations>
            </efext:EformsExtension>
          </ext:ExtensionContent>
        </ext:UBLExtension>
      </ext:UBLExtensions>
      <cbc:UBLVersionID>2.3</cbc:UBLVersionID>
      <cbc:CustomizationID><xsl:value-of select="$data/@sdk"/></cbc:CustomizationID>
      <cbc:ID schemeName="notice-id"><xsl:value-of select="$notice-id"/></cbc:ID>
      <cbc:ContractFolderID><xsl:value-of select="$procedure-id"/></cbc:ContractFolderID>
      <cbc:IssueDate><xsl:value-of select="$issue-date"/></cbc:IssueDate>
      <cbc:IssueTime><xsl:value-of select="$issue-time"/></cbc:IssueTime>
      <cbc:VersionID>01</cbc:VersionID>
      <cbc:RegulatoryDomain>
        <xsl:choose>
          <xsl:when test="$subtype = '16'">32014L0024</xsl:when>
          <xsl:otherwise>other</xsl:otherwise>
        </xsl:choose>
      </cbc:RegulatoryDomain>
      <cbc:NoticeTypeCode listName="competition">cn-standard</cbc:NoticeTypeCode>
      <cbc:NoticeLanguageCode>FRA</cbc:NoticeLanguageCode>
      <cac:ContractingParty>
        <cac:ContractingPartyType>
          <cbc:PartyTypeCode listName="buyer-legal-type"><xsl:value-of select="$legal-type"/></cbc:PartyTypeCode>
        </cac:ContractingPartyType>
        <cac:ContractingActivity>
          <cbc:ActivityTypeCode listName="authority-activity"><xsl:value-of select="$data/activity/@code"/></cbc:ActivityTypeCode>
        </cac:ContractingActivity>
        <cac:Party>
          <cac:PartyIdentification>
            <cbc:ID schemeName="organization">ORG-0001</cbc:ID>
          </cac:PartyIdentification>
        </cac:Party>
      </cac:ContractingParty>
      <cac:TenderingTerms>
        <xsl:if test="$subtype = 'E3'">
          <cac:ProcurementLegislationDocumentReference>
            <cbc:ID>LocalLegalBasis</cbc:ID>
            <cbc:DocumentDescription languageID="FRA"><xsl:value-of select="$data/local-legal-basis"/></cbc:DocumentDescription>
          </cac:ProcurementLegislationDocumentReference>
        </xsl:if>
        <cac:TendererQualificationRequest>
          <cac:SpecificTendererRequirement>
            <cbc:TendererRequirementTypeCode listName="exclusion-grounds-source">epo-procurement-document</cbc:TendererRequirementTypeCode>
          </cac:SpecificTendererRequirement>
        </cac:TendererQualificationRequest>
        <xsl:if test="count(t:lots/t:lot) &gt; 1">
          <!-- BT-31: a tender may cover every lot. -->
          <cac:LotDistribution>
            <cbc:MaximumLotsSubmittedNumeric><xsl:value-of select="count(t:lots/t:lot)"/></cbc:MaximumLotsSubmittedNumeric>
          </cac:LotDistribution>
        </xsl:if>
      </cac:TenderingTerms>
      <cac:TenderingProcess>
        <cbc:ProcedureCode listName="procurement-procedure-type"><xsl:value-of select="$procedure-type"/></cbc:ProcedureCode>
        <xsl:if test="$procedure-type = 'open'">
          <cac:ProcessJustification>
            <cbc:ProcessReasonCode listName="accelerated-procedure">false</cbc:ProcessReasonCode>
          </cac:ProcessJustification>
        </xsl:if>
      </cac:TenderingProcess>
      <cac:ProcurementProject>
        <cbc:ID schemeName="InternalID"><xsl:value-of select="t:reference"/></cbc:ID>
        <cbc:Name languageID="FRA"><xsl:call-template name="procedure-name"/></cbc:Name>
        <cbc:Description languageID="FRA"><xsl:call-template name="procedure-description"/></cbc:Description>
        <cbc:ProcurementTypeCode listName="contract-nature">supplies</cbc:ProcurementTypeCode>
        <cac:RequestedTenderTotal>
          <cbc:EstimatedOverallContractAmount currencyID="EUR"><xsl:value-of select="t:estimate/@htva"/></cbc:EstimatedOverallContractAmount>
        </cac:RequestedTenderTotal>
        <cac:MainCommodityClassification>
          <cbc:ItemClassificationCode listName="cpv"><xsl:call-template name="cpv"><xsl:with-param name="code" select="t:cpv/@main"/></xsl:call-template></cbc:ItemClassificationCode>
        </cac:MainCommodityClassification>
        <xsl:call-template name="realized-locations">
          <xsl:with-param name="addresses" select="t:schools/t:school/t:implantations/t:implantation/t:address"/>
        </xsl:call-template>
      </cac:ProcurementProject>
      <xsl:apply-templates select="t:lots/t:lot"/>
    </ContractNotice>
  </xsl:template>

  <!-- ORG-0001: the pouvoir organisateur (BT-500, 501, 502, 503, 506, 510, 512, 513, 507, 514). -->
  <xsl:template name="buyer-organization">
    <xsl:variable name="b" select="t:buyer"/>
    <efac:Organization>
      <efac:Company>
        <cac:PartyIdentification>
          <cbc:ID schemeName="organization">ORG-0001</cbc:ID>
        </cac:PartyIdentification>
        <cac:PartyName>
          <cbc:Name languageID="FRA"><xsl:value-of select="$b/t:name"/></cbc:Name>
        </cac:PartyName>
        <xsl:call-template name="postal-address">
          <xsl:with-param name="street" select="concat($b/t:address/t:street, ' ', $b/t:address/t:number)"/>
          <xsl:with-param name="city" select="$b/t:address/t:locality"/>
          <xsl:with-param name="postal-code" select="$b/t:address/t:postalCode"/>
          <xsl:with-param name="nuts">
            <xsl:call-template name="nuts-of"><xsl:with-param name="address" select="$b/t:address"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <cac:PartyLegalEntity>
          <cbc:CompanyID><xsl:call-template name="bce-display"><xsl:with-param name="bce" select="$b/@bce"/></xsl:call-template></cbc:CompanyID>
        </cac:PartyLegalEntity>
        <cac:Contact>
          <cbc:Name><xsl:value-of select="$b/t:contact/t:name"/></cbc:Name>
          <cbc:Telephone><xsl:value-of select="$b/t:contact/t:phone"/></cbc:Telephone>
          <cbc:ElectronicMail><xsl:value-of select="$b/t:contact/t:email"/></cbc:ElectronicMail>
        </cac:Contact>
      </efac:Company>
    </efac:Organization>
  </xsl:template>

  <!-- ORG-0002: the review body (Conseil d'État), from notice-data.xml. -->
  <xsl:template name="review-organization">
    <xsl:variable name="r" select="$data/review-body"/>
    <efac:Organization>
      <efac:Company>
        <cac:PartyIdentification>
          <cbc:ID schemeName="organization">ORG-0002</cbc:ID>
        </cac:PartyIdentification>
        <cac:PartyName>
          <cbc:Name languageID="FRA"><xsl:value-of select="$r/@name"/></cbc:Name>
        </cac:PartyName>
        <xsl:call-template name="postal-address">
          <xsl:with-param name="street" select="$r/@street"/>
          <xsl:with-param name="city" select="$r/@city"/>
          <xsl:with-param name="postal-code" select="$r/@postal-code"/>
          <xsl:with-param name="nuts" select="$r/@nuts"/>
        </xsl:call-template>
        <cac:PartyLegalEntity>
          <cbc:CompanyID><xsl:value-of select="$r/@company-id"/></cbc:CompanyID>
        </cac:PartyLegalEntity>
      </efac:Company>
    </efac:Organization>
  </xsl:template>

  <!-- BT-21 of the procedure: the lot title when there is one lot. -->
  <xsl:template name="procedure-name">
    <xsl:choose>
      <xsl:when test="count(t:lots/t:lot) = 1">
        <xsl:value-of select="concat(t:lots/t:lot/t:title, ' — ', t:buyer/t:name)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('Matériel informatique pour les élèves en ', count(t:lots/t:lot), ' lots — ', t:buyer/t:name)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- BT-24 of the procedure: lots with quantities, schools, procedure and its legal basis. -->
  <xsl:template name="procedure-description">
    <xsl:text>Fourniture et livraison de matériel informatique pour </xsl:text>
    <xsl:choose>
      <xsl:when test="count(t:schools/t:school) = 1">l’école secondaire </xsl:when>
      <xsl:otherwise>les <xsl:value-of select="count(t:schools/t:school)"/> écoles secondaires </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat('du pouvoir organisateur ', t:buyer/t:name, ' : ')"/>
    <xsl:for-each select="t:lots/t:lot">
      <xsl:if test="position() &gt; 1"> ; </xsl:if>
      <xsl:value-of select="concat('lot ', @number, ', ', t:title, ' (', @quantity, ' unités)')"/>
    </xsl:for-each>
    <xsl:value-of select="concat('. ', t:procedure/t:label, ' (', t:procedure/t:legalBasis, ').')"/>
  </xsl:template>
</xsl:stylesheet>
