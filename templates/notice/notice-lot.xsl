<?xml version="1.0" encoding="UTF-8"?>
<!-- One cac:ProcurementProjectLot per tender lot (BT-137 LOT-nnnn). Included by eforms-cn.xsl,
     which defines $tender, $data, $subtype, $procedure-type and $duration-days. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:tenderpack:tender:1"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
    xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"
    xmlns:efbc="http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"
    xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1"
    exclude-result-prefixes="t">

  <xsl:template match="t:lot">
    <xsl:variable name="lot" select="."/>
    <cac:ProcurementProjectLot>
      <cbc:ID schemeName="Lot"><xsl:value-of select="@id"/></cbc:ID>
      <cac:TenderingTerms>
        <cbc:VariantConstraintCode listName="permission"><xsl:value-of select="$data/lot-terms/@variants"/></cbc:VariantConstraintCode>
        <cbc:FundingProgramCode listName="eu-funded"><xsl:value-of select="$data/lot-terms/@eu-funds"/></cbc:FundingProgramCode>
        <cac:CallForTendersDocumentReference>
          <cbc:ID><xsl:value-of select="concat($tender/t:reference, '-CSC')"/></cbc:ID>
          <cbc:DocumentType>non-restricted-document</cbc:DocumentType>
          <cac:Attachment>
            <cac:ExternalReference>
              <cbc:URI><xsl:value-of select="$data/platform/@documents"/></cbc:URI>
            </cac:ExternalReference>
          </cac:Attachment>
        </cac:CallForTendersDocumentReference>
        <cac:TendererQualificationRequest>
          <cac:SpecificTendererRequirement>
            <cbc:TendererRequirementTypeCode listName="reserved-procurement">none</cbc:TendererRequirementTypeCode>
          </cac:SpecificTendererRequirement>
        </cac:TendererQualificationRequest>
        <cac:TendererQualificationRequest>
          <cac:SpecificTendererRequirement>
            <cbc:TendererRequirementTypeCode listName="selection-criteria-source">epo-procurement-document</cbc:TendererRequirementTypeCode>
          </cac:SpecificTendererRequirement>
        </cac:TendererQualificationRequest>
        <cac:ContractExecutionRequirement>
          <cbc:ExecutionRequirementCode listName="reserved-execution">no</cbc:ExecutionRequirementCode>
        </cac:ContractExecutionRequirement>
        <cac:ContractExecutionRequirement>
          <cbc:ExecutionRequirementCode listName="einvoicing"><xsl:value-of select="$data/lot-terms/@einvoicing"/></cbc:ExecutionRequirementCode>
        </cac:ContractExecutionRequirement>
        <cac:ContractExecutionRequirement>
          <cbc:ExecutionRequirementCode listName="ecatalog-submission"><xsl:value-of select="$data/lot-terms/@ecatalog"/></cbc:ExecutionRequirementCode>
        </cac:ContractExecutionRequirement>
        <cac:AwardingTerms>
          <cac:AwardingCriterion>
            <xsl:apply-templates select="$tender/t:awardCriteria/t:criterion"/>
          </cac:AwardingCriterion>
        </cac:AwardingTerms>
        <cac:TenderRecipientParty>
          <cbc:EndpointID><xsl:value-of select="$data/platform/@tenders"/></cbc:EndpointID>
          <cac:PartyIdentification>
            <cbc:ID schemeName="organization">ORG-0001</cbc:ID>
          </cac:PartyIdentification>
        </cac:TenderRecipientParty>
        <cac:TenderValidityPeriod>
          <cbc:DurationMeasure unitCode="DAY"><xsl:value-of select="$tender/t:dates/@validityDays"/></cbc:DurationMeasure>
        </cac:TenderValidityPeriod>
        <cac:AppealTerms>
          <cac:PresentationPeriod>
            <cbc:Description languageID="FRA">
              <xsl:value-of select="$data/review-deadlines"/>
              <xsl:if test="$tender/t:dates/@standstillDays &gt; 0">
                <xsl:value-of select="concat(' Le marché ne sera pas conclu avant l’expiration d’un délai d’attente de ',
                                      $tender/t:dates/@standstillDays, ' jours à compter de l’envoi de la décision motivée d’attribution.')"/>
              </xsl:if>
            </cbc:Description>
          </cac:PresentationPeriod>
          <cac:AppealInformationParty>
            <cac:PartyIdentification>
              <cbc:ID schemeName="organization">ORG-0001</cbc:ID>
            </cac:PartyIdentification>
          </cac:AppealInformationParty>
          <cac:AppealReceiverParty>
            <cac:PartyIdentification>
              <cbc:ID schemeName="organization">ORG-0002</cbc:ID>
            </cac:PartyIdentification>
          </cac:AppealReceiverParty>
        </cac:AppealTerms>
        <cac:Language>
          <cbc:ID>FRA</cbc:ID>
        </cac:Language>
        <cac:PostAwardProcess>
          <cbc:ElectronicOrderUsageIndicator>false</cbc:ElectronicOrderUsageIndicator>
          <cbc:ElectronicPaymentUsageIndicator>true</cbc:ElectronicPaymentUsageIndicator>
        </cac:PostAwardProcess>
      </cac:TenderingTerms>
      <cac:TenderingProcess>
        <cbc:SubmissionMethodCode listName="esubmission">required</cbc:SubmissionMethodCode>
        <xsl:if test="$subtype = '16'">
          <!-- BT-115: supplies covered by the WTO Government Procurement Agreement (forbidden in E3). -->
          <cbc:GovernmentAgreementConstraintIndicator>true</cbc:GovernmentAgreementConstraintIndicator>
        </xsl:if>
        <xsl:variable name="deadline" select="$tender/t:dates/@deadline"/>
        <cac:TenderSubmissionDeadlinePeriod>
          <cbc:EndDate><xsl:call-template name="deadline-date"><xsl:with-param name="deadline" select="$deadline"/></xsl:call-template></cbc:EndDate>
          <cbc:EndTime><xsl:call-template name="deadline-time"><xsl:with-param name="deadline" select="$deadline"/></xsl:call-template></cbc:EndTime>
        </cac:TenderSubmissionDeadlinePeriod>
        <xsl:if test="$procedure-type = 'open'">
          <!-- BT-132/133: public opening, only in open procedures. -->
          <cac:OpenTenderEvent>
            <cbc:OccurrenceDate><xsl:call-template name="deadline-date"><xsl:with-param name="deadline" select="$deadline"/></xsl:call-template></cbc:OccurrenceDate>
            <cbc:OccurrenceTime><xsl:call-template name="deadline-time"><xsl:with-param name="deadline" select="$deadline"/></xsl:call-template></cbc:OccurrenceTime>
            <cac:OccurenceLocation>
              <cbc:Description languageID="FRA"><xsl:value-of select="$data/opening"/></cbc:Description>
            </cac:OccurenceLocation>
          </cac:OpenTenderEvent>
        </xsl:if>
        <cac:AuctionTerms>
          <cbc:AuctionConstraintIndicator>false</cbc:AuctionConstraintIndicator>
        </cac:AuctionTerms>
        <cac:ContractingSystem>
          <cbc:ContractingSystemTypeCode listName="framework-agreement">none</cbc:ContractingSystemTypeCode>
        </cac:ContractingSystem>
        <cac:ContractingSystem>
          <cbc:ContractingSystemTypeCode listName="dps-usage">none</cbc:ContractingSystemTypeCode>
        </cac:ContractingSystem>
      </cac:TenderingProcess>
      <cac:ProcurementProject>
        <cbc:ID schemeName="InternalID"><xsl:value-of select="concat($tender/t:reference, '-L', @number)"/></cbc:ID>
        <cbc:Name languageID="FRA"><xsl:value-of select="t:title"/></cbc:Name>
        <cbc:Description languageID="FRA"><xsl:call-template name="lot-description"/></cbc:Description>
        <cbc:ProcurementTypeCode listName="contract-nature">supplies</cbc:ProcurementTypeCode>
        <cbc:Note languageID="FRA">
          <xsl:text>Livraison souhaitée au plus tard le </xsl:text>
          <xsl:call-template name="date-fr"><xsl:with-param name="date" select="$tender/t:dates/@delivery"/></xsl:call-template>
          <xsl:text>.</xsl:text>
        </cbc:Note>
        <cac:RequestedTenderTotal>
          <cbc:EstimatedOverallContractAmount currencyID="EUR"><xsl:value-of select="@estimate"/></cbc:EstimatedOverallContractAmount>
        </cac:RequestedTenderTotal>
        <cac:MainCommodityClassification>
          <cbc:ItemClassificationCode listName="cpv"><xsl:call-template name="cpv"><xsl:with-param name="code" select="t:cpv/@main"/></xsl:call-template></cbc:ItemClassificationCode>
        </cac:MainCommodityClassification>
        <xsl:for-each select="t:cpv/t:additional">
          <cac:AdditionalCommodityClassification>
            <cbc:ItemClassificationCode listName="cpv"><xsl:call-template name="cpv"><xsl:with-param name="code" select="@code"/></xsl:call-template></cbc:ItemClassificationCode>
          </cac:AdditionalCommodityClassification>
        </xsl:for-each>
        <xsl:call-template name="realized-locations">
          <xsl:with-param name="addresses" select="$tender/t:schools/t:school[not($lot/t:allocations/t:allocation) or
                                                   @fase = $lot/t:allocations/t:allocation/@school]
                                                   /t:implantations/t:implantation/t:address"/>
        </xsl:call-template>
        <cac:PlannedPeriod>
          <cbc:DurationMeasure unitCode="DAY"><xsl:value-of select="$duration-days"/></cbc:DurationMeasure>
        </cac:PlannedPeriod>
        <xsl:if test="t:options/t:option">
          <cac:ContractExtension>
            <cbc:OptionsDescription languageID="FRA">
              <xsl:text>Options : </xsl:text>
              <xsl:for-each select="t:options/t:option">
                <xsl:if test="position() &gt; 1"> ; </xsl:if>
                <xsl:value-of select="concat(t:label, ' (', @quantity, ' unités)')"/>
              </xsl:for-each>
              <xsl:text>.</xsl:text>
            </cbc:OptionsDescription>
          </cac:ContractExtension>
        </xsl:if>
      </cac:ProcurementProject>
    </cac:ProcurementProjectLot>
  </xsl:template>

  <!-- BT-24 of a lot: what, how many, for whom. -->
  <xsl:template name="lot-description">
    <xsl:value-of select="concat(t:title, ' : ', @quantity, ' unités, livrées dans les implantations des écoles du pouvoir organisateur')"/>
    <xsl:if test="t:allocations/t:allocation">
      <xsl:text> (</xsl:text>
      <xsl:for-each select="t:allocations/t:allocation">
        <xsl:variable name="fase" select="@school"/>
        <xsl:if test="position() &gt; 1"> ; </xsl:if>
        <xsl:value-of select="concat($tender/t:schools/t:school[@fase = $fase]/t:name, ' : ', @quantity)"/>
      </xsl:for-each>
      <xsl:text>)</xsl:text>
    </xsl:if>
    <xsl:text>. Exigences minimales et critères techniques : voir le cahier spécial des charges.</xsl:text>
  </xsl:template>

  <!-- BT-539 type, BT-734 name, BT-540 description, BT-5421 per-exa, BT-541 weight. -->
  <xsl:template match="t:criterion">
    <xsl:variable name="id" select="@id"/>
    <cac:SubordinateAwardingCriterion>
      <ext:UBLExtensions>
        <ext:UBLExtension>
          <ext:ExtensionContent>
            <efext:EformsExtension>
              <efac:AwardCriterionParameter>
                <efbc:ParameterCode listName="number-weight">per-exa</efbc:ParameterCode>
                <efbc:ParameterNumeric><xsl:value-of select="@weight"/></efbc:ParameterNumeric>
              </efac:AwardCriterionParameter>
            </efext:EformsExtension>
          </ext:ExtensionContent>
        </ext:UBLExtension>
      </ext:UBLExtensions>
      <cbc:AwardingCriterionTypeCode listName="award-criterion-type"><xsl:value-of select="$data/criterion[@id = $id]/@type"/></cbc:AwardingCriterionTypeCode>
      <cbc:Name languageID="FRA"><xsl:value-of select="t:label"/></cbc:Name>
      <cbc:Description languageID="FRA"><xsl:value-of select="t:formulaText"/></cbc:Description>
    </cac:SubordinateAwardingCriterion>
  </xsl:template>
</xsl:stylesheet>
